// The services after the declaration: the server decides eligibility, to the day in China time.
import type { ApplicationDetail, ApplicationView, Overview, StaffApplication } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { DISTRICTS } from '../../miniprogram/domain/districts';
import { CITY_HALL, pickupPlaceFor } from '../../miniprogram/domain/pickupPlaces';
import { NOTICES } from '../../miniprogram/domain/notices';
import type { ApplicationRecord } from '../../server/records';
import { DEFAULT_CARD_FEE } from '../../server/settings';
import { ALICE, applyService, declare, verify } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'staff-city';
let world: World;
let n = 0;
const rid = () => `apply-${++n}`;

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(OFFICER, 'all');
});
afterEach(() => world.close());

async function approvedDeclaration(): Promise<ApplicationView> {
  const app = await declare(world, ALICE);
  unwrap(await world.staff(OFFICER, 'approve', { id: app.id }, rid()));
  return app;
}

const SERVICES = { applyPermit: 'permit', applyVoucher: 'voucher', applyReissue: 'reissue' } as const;

function apply(action: keyof typeof SERVICES, extra: Record<string, unknown> = {}) {
  return applyService(world, ALICE.openid, SERVICES[action], extra);
}

describe('the permit opens six calendar months after the declaration, in China time', () => {
  it('is refused with the date on the day before, at 23:59 China time, and granted at 00:00', async () => {
    await approvedDeclaration(); // declared 2026-08-31: opens 2027-02-28
    world.setNow('2027-02-27T23:59:00+08:00');
    expect(await apply('applyPermit')).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE', opensOn: '2027-02-28' } });
    world.setNow('2027-02-28T00:00:00+08:00'); // still 2027-02-27 in UTC
    expect(unwrap(await apply('applyPermit'))).toMatchObject({ kind: 'permit', status: 'pending', applicant: { name: ALICE.name } });
  });

  it('clamps to a leap day', async () => {
    world.setNow('2027-08-31T10:00:00+08:00');
    await approvedDeclaration();
    world.setNow('2028-02-28T12:00:00+08:00');
    expect(await apply('applyPermit')).toMatchObject({ ok: false, error: { opensOn: '2028-02-29' } });
    world.setNow('2028-02-29T00:00:00+08:00');
    expect((await apply('applyPermit')).ok).toBe(true);
  });

  it('opens nothing for a declaration that is pending, rejected or withdrawn', async () => {
    const app = await declare(world, ALICE);
    world.setNow('2027-06-01T10:00:00+08:00');
    // A live token of the caller's, from a face check by name and number: the only refusal left is eligibility.
    const tryApply = async (action: 'applyPermit' | 'applyVoucher', verificationToken?: string) => {
      const materials = { idFront: await world.upload(ALICE.openid), proofs: [await world.upload(ALICE.openid)], photo: await world.upload(ALICE.openid) };
      const kind = action === 'applyPermit' ? 'permit' : 'voucher';
      const token = verificationToken ?? (await verify(world, ALICE.openid, ALICE.name, ALICE.idNumber));
      return world.call(ALICE.openid, action, { verificationToken: token, consent: { noticeVersion: NOTICES[kind].version }, materials }, rid());
    };
    // Without an approved declaration there is no one to verify, and nothing to apply for.
    expect(await world.call(ALICE.openid, 'startVerification', {})).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    for (const action of ['applyPermit', 'applyVoucher'] as const) {
      expect(await tryApply(action)).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
      // A token that is no token fails verification first, as the contract orders the two.
      expect(await tryApply(action, 'no-such-token')).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    }
    unwrap(await world.staff(OFFICER, 'reject', { id: app.id, reasons: ['材料不实'] }, rid()));
    expect(await tryApply('applyPermit')).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    const second = await declare(world, ALICE);
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: second.id }, rid()));
    expect(await tryApply('applyPermit')).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  });
});

describe('the voucher, one pending application per kind, and replacement', () => {
  it('grants a voucher only before the six months, once at a time', async () => {
    await approvedDeclaration();
    world.setNow('2026-12-01T10:00:00+08:00');
    unwrap(await apply('applyVoucher'));
    expect(await apply('applyVoucher')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    world.setNow('2027-02-28T00:00:00+08:00');
    expect(await apply('applyVoucher')).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  });

  it('refuses a second pending permit, a permit to a holder, and a replacement without a collected card; records a lost card', async () => {
    await approvedDeclaration();
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await apply('applyPermit'));
    expect(await apply('applyPermit')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await apply('applyReissue', { reason: 'lost' })).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    for (const action of ['approve', 'markReady'] as const) unwrap(await world.staff(OFFICER, action, { id: permit.id }, rid()));
    unwrap(await world.staff(OFFICER, 'markCollected', { id: permit.id, idCardChecked: true }, rid()));
    expect(await apply('applyPermit')).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });

    expect(await apply('applyReissue', { reason: 'stolen' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.any(String) } } });
    const replacement = unwrap(await apply('applyReissue', { reason: 'lost' }));
    // The fee shown before submitting is the one the application keeps, with its reason.
    expect(replacement).toMatchObject({ kind: 'reissue', status: 'pending', reason: 'lost', fee: DEFAULT_CARD_FEE });
    expect(unwrap(await world.call<Overview>(ALICE.openid, 'overview')).services.reissue.fee).toBe(DEFAULT_CARD_FEE);
    expect((await world.store.get<ApplicationRecord>('applications', permit.id))?.reportedLostAt).toBe(world.now);
    expect(unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: permit.id })).reportedLostOn).toBe('2027-03-01');
    // A lost card cannot be photographed: staff cannot ask for it.
    const askForCard = await world.staff(OFFICER, 'requestCorrection', { id: replacement.id, items: [{ item: 'materials.damagedCard', message: '请上传原证' }] }, rid());
    expect(askForCard).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'items.0.item': FIELD_MESSAGES.correctionItem } } });
  });

  it('keeps a loss once reported: the card can then only be replaced, and a later report keeps the first date', async () => {
    await approvedDeclaration();
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await apply('applyPermit'));
    for (const action of ['approve', 'markReady'] as const) unwrap(await world.staff(OFFICER, action, { id: permit.id }, rid()));
    unwrap(await world.staff(OFFICER, 'markCollected', { id: permit.id, idCardChecked: true }, rid()));
    const first = unwrap(await apply('applyReissue', { reason: 'lost' }));
    // Withdrawing the replacement does not bring the card back: the loss stays reported.
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: first.id }, rid()));
    world.setNow('2027-03-10T10:00:00+08:00');
    const renewal = await apply('applyReissue', { reason: 'damaged' });
    expect(renewal).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: FIELD_MESSAGES.cardReportedLost } } });
    unwrap(await apply('applyReissue', { reason: 'lost' }));
    expect(unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: permit.id })).reportedLostOn).toBe('2027-03-01');
  });

  it('asks for the damaged card when the reason is damage', async () => {
    const result = await world.call(
      ALICE.openid,
      'applyReissue',
      {
        verificationToken: 'x',
        consent: { noticeVersion: NOTICES.reissue.version },
        reason: 'damaged',
        materials: { idFront: await world.upload(ALICE.openid), photo: await world.upload(ALICE.openid) },
      },
      rid(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'materials.damagedCard': expect.any(String) } } });
  });
});

describe('pickup', () => {
  it('shows the resident where to collect a ready card, with the code, and records the issue date', async () => {
    await approvedDeclaration();
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await apply('applyPermit'));
    world.setNow('2027-03-05T16:30:00+08:00');
    unwrap(await world.staff(OFFICER, 'approve', { id: permit.id }, rid()));
    const overview = unwrap(await world.call<Overview>(ALICE.openid, 'overview'));
    expect(overview.permit).toMatchObject({ id: permit.id, status: 'approved', issuedOn: '2027-03-05' });
    expect(unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: permit.id })).pickup).toBeUndefined();

    unwrap(await world.staff(OFFICER, 'markReady', { id: permit.id }, rid()));
    const ready = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: permit.id }));
    const stored = await world.store.get<ApplicationRecord>('applications', permit.id);
    // 岳麓区 is urban: the hall on 金盾路; nothing unconfirmed (hours, phone, map) is made up.
    expect(ready.pickup).toEqual({ place: CITY_HALL.name, address: '长沙市雨花区金盾路30号', pickupCode: stored?.pickupCode });
    expect(ready.issuedOn).toBe('2027-03-05');

    unwrap(await world.staff(OFFICER, 'markCollected', { id: permit.id, pickupCode: stored?.pickupCode }, rid()));
    expect(unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: permit.id })).pickup).toBeUndefined();
  });

  it('sends the five urban districts to the hall and the counties to their local police station', () => {
    const places = Object.fromEntries(DISTRICTS.map((d) => [d.name, pickupPlaceFor(d.code).name]));
    expect(places).toEqual({
      芙蓉区: CITY_HALL.name,
      天心区: CITY_HALL.name,
      岳麓区: CITY_HALL.name,
      开福区: CITY_HALL.name,
      雨花区: CITY_HALL.name,
      望城区: '望城区居住地派出所',
      长沙县: '长沙县居住地派出所',
      浏阳市: '浏阳市居住地派出所',
      宁乡市: '宁乡市居住地派出所',
    });
    expect(pickupPlaceFor('430182')).toEqual({ name: '宁乡市居住地派出所', address: '您居住地址所属的派出所' });
    expect(() => pickupPlaceFor('110101')).toThrow('no pickup place for district 110101');
  });
});

describe('corrections of the later services', () => {
  async function collectedPermit(): Promise<string> {
    await approvedDeclaration();
    world.setNow('2027-03-01T10:00:00+08:00');
    const { id } = unwrap(await apply('applyPermit'));
    for (const action of ['approve', 'markReady'] as const) unwrap(await world.staff(OFFICER, action, { id }, rid()));
    unwrap(await world.staff(OFFICER, 'markCollected', { id, idCardChecked: true }, rid()));
    return id;
  }

  it('corrects a permit’s contact mobile where the resident and staff read it, and checks it like any mobile', async () => {
    await approvedDeclaration();
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await apply('applyPermit', { contact: { mobile: '13900001111' } }));
    expect(permit.applicant.mobile).toBe('13900001111');
    const items = [{ item: 'contact.mobile', message: '号码无法接通' }];
    unwrap(await world.staff(OFFICER, 'requestCorrection', { id: permit.id, items }, rid()));

    const bad = await world.call(ALICE.openid, 'resubmit', { id: permit.id, contact: { mobile: '1370000' } }, rid());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'contact.mobile': FIELD_MESSAGES.mobile } } });
    const fixed = unwrap(await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: permit.id, contact: { mobile: '13700002222' } }, rid()));
    expect(fixed).toMatchObject({ status: 'pending', applicant: { mobile: '13700002222' } });
    expect(unwrap(await world.staff<StaffApplication>(OFFICER, 'getApplication', { id: permit.id })).applicant.mobile).toBe('13700002222');
  });

  it('lets a replacement for damage resubmit the photo of the damaged card, and keeps its other materials', async () => {
    await collectedPermit();
    const replacement = unwrap(await apply('applyReissue', { reason: 'damaged' }));
    expect(Object.keys(replacement.materials).sort()).toEqual(['damagedCard', 'idFront', 'photo']);
    const items = [{ item: 'materials.damagedCard', message: '照片看不清原证' }];
    unwrap(await world.staff(OFFICER, 'requestCorrection', { id: replacement.id, items }, rid()));

    const damagedCard = await world.upload(ALICE.openid);
    const fixed = unwrap(await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: replacement.id, materials: { damagedCard } }, rid()));
    expect(fixed).toMatchObject({ status: 'pending', reason: 'damaged', materials: { ...replacement.materials, damagedCard } });
  });
});
