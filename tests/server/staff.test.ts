// The staff function and the review workflow on real SQLite: who may do what, every transition,
// concurrent decisions, the event log, and the resident's correction round.
import type { ApplicationDetail, ApplicationView, Overview, Page, StaffApplication, StaffDecision, StaffQueueItem } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import type { ApplicationRecord } from '../../server/records';
import { ALICE, BOB, applyService, declarationPayload, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu'; // 岳麓区 430104, where ALICE declares
const FURONG = 'staff-furong'; // 芙蓉区 430102
const CITY = 'staff-city'; // every district

let world: World;
let request = 0;
const rid = () => `r${++request}`;

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
  await world.grant(FURONG, ['430102']);
  await world.grant(CITY, 'all');
});
afterEach(() => world.close());

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error?.code);

describe('who may do what', () => {
  const STAFF_ACTIONS: [string, (id: string) => unknown][] = [
    ['queue', () => ({})],
    ['getApplication', (id) => ({ id })],
    ['approve', (id) => ({ id })],
    ['requestCorrection', (id) => ({ id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] })],
    ['reject', (id) => ({ id, reasons: ['材料不实'] })],
    ['markReady', (id) => ({ id })],
    ['markCollected', (id) => ({ id, idCardChecked: true })],
  ];

  it.each(STAFF_ACTIONS)('%s is FORBIDDEN to residents, NOT_FOUND for another district, and works in one’s own', async (action, payload) => {
    const app = await declare(world, ALICE);
    for (const resident of [ALICE.openid, BOB.openid]) {
      expect(code(await world.staff(resident, action, payload(app.id), rid()))).toBe('FORBIDDEN');
    }
    const before = await world.counts();
    if (action === 'queue') {
      expect(unwrap(await world.staff<Page<StaffQueueItem>>(FURONG, 'queue', {})).items).toEqual([]);
      expect(unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', {})).items.map((i) => i.id)).toEqual([app.id]);
      expect(unwrap(await world.staff<Page<StaffQueueItem>>(CITY, 'queue', {})).items.map((i) => i.id)).toEqual([app.id]);
      return;
    }
    expect(code(await world.staff(FURONG, action, payload(app.id), rid()))).toBe('NOT_FOUND');
    expect(await world.counts()).toEqual(before);
    // markReady and markCollected are not possible for a pending declaration, whoever asks.
    const expected = action === 'markReady' || action === 'markCollected' ? 'CONFLICT' : 'OK';
    expect(code(await world.staff(YUELU, action, payload(app.id), rid()))).toBe(expected);
  });

  it('keeps residents’ actions on their own records, even for staff', async () => {
    const app = await declare(world, ALICE);
    for (const caller of [BOB.openid, YUELU, CITY]) {
      expect(code(await world.call(caller, 'getApplication', { id: app.id }))).toBe('NOT_FOUND');
      expect(code(await world.call(caller, 'withdraw', { id: app.id }, rid()))).toBe('NOT_FOUND');
      expect(code(await world.call(caller, 'resubmit', { id: app.id }, rid()))).toBe('NOT_FOUND');
      expect(unwrap(await world.call<Page<unknown>>(caller, 'listApplications')).items).toEqual([]);
    }
  });

  it('gives the full ID number only in the staff view, and records each view', async () => {
    const app = await declare(world, ALICE);
    const queue = unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', {}));
    expect(JSON.stringify(queue)).not.toContain(ALICE.idNumber);
    const full = unwrap(await world.staff<StaffApplication>(YUELU, 'getApplication', { id: app.id }));
    expect(full.applicant.idNumber).toBe(ALICE.idNumber);
    // Views list in the order of their time (two in the same millisecond have none between them); an officer's
    // view soon after their last counts on it, and staff granted without a name are shown by role alone.
    world.now += 1000;
    unwrap(await world.staff(CITY, 'getApplication', { id: app.id }));
    world.now += 1000;
    const again = unwrap(await world.staff<StaffApplication>(YUELU, 'getApplication', { id: app.id }));
    const viewed = again.timeline.filter((t) => t.type === 'id_viewed');
    expect(viewed.map((t) => [t.actor, t.count])).toEqual([
      [{ role: 'staff' }, 2],
      [{ role: 'staff' }, 1],
    ]);
    expect(viewed[0].lastAt).toBe(world.now);
    // A decision answers with the application as it now stands, the number masked.
    const decided = unwrap(await world.staff<StaffDecision>(YUELU, 'approve', { id: app.id }, rid()));
    expect(decided).toMatchObject({
      id: app.id,
      kind: 'declaration',
      status: 'approved',
      declaredOn: app.declaredOn,
      applicantName: ALICE.name,
      applicant: { name: ALICE.name, idNumberMasked: '430104********1237', mobile: '13800138000' },
      residence: { district: '430104', street: '望月湖街道' },
      materials: { idFront: expect.any(String), proofs: [expect.any(String)] },
    });
    expect(JSON.stringify(decided)).not.toContain(ALICE.idNumber);
    // The resident's timeline shows status changes only.
    const mine = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(mine.timeline.map((t) => t.status)).toEqual(['pending', 'approved']);
  });
});

describe('the workflow', () => {
  it('refuses every transition the state machine does not allow', async () => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: app.id }, rid()));
    for (const [action, payload] of [
      ['approve', { id: app.id }],
      ['requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: 'x' }] }],
      ['reject', { id: app.id, reasons: ['x'] }],
      ['markReady', { id: app.id }],
      ['markCollected', { id: app.id, idCardChecked: true }],
    ] as const) {
      expect([action, code(await world.staff(YUELU, action, payload, rid()))]).toEqual([action, 'CONFLICT']);
    }
    expect(code(await world.call(ALICE.openid, 'withdraw', { id: app.id }, rid()))).toBe('CONFLICT');
    expect(code(await world.call(ALICE.openid, 'resubmit', { id: app.id }, rid()))).toBe('CONFLICT');
    // A change nobody asked for is bad input, reported before the state, as the contract orders.
    expect(code(await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000' } }, rid()))).toBe('INVALID_INPUT');
  });

  it('judges a second resubmission’s fields before saying the correction is already done', async () => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, rid()));
    unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000' } }, rid()));
    const before = await world.counts();
    const bad = await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '139' } }, rid());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'applicant.mobile': expect.any(String) } } });
    expect(code(await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13700137000' } }, rid()))).toBe('CONFLICT');
    expect(await world.counts()).toEqual(before);
  });

  it('lets only one of two concurrent decisions land', async () => {
    const app = await declare(world, ALICE);
    const results = await Promise.all([
      world.staff(YUELU, 'approve', { id: app.id }, rid()),
      world.staff(CITY, 'reject', { id: app.id, reasons: ['居住证明与地址不符'] }, rid()),
      world.staff(CITY, 'approve', { id: app.id }, rid()),
    ]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const full = unwrap(await world.staff<StaffApplication>(CITY, 'getApplication', { id: app.id }));
    expect(full.timeline.filter((t) => t.type === 'status')).toHaveLength(2);
  });

  it('lists every correction item at once, and lets the resident change exactly those', async () => {
    const app = await declare(world, ALICE);
    world.now += 3 * 86_400_000;
    const bad = await world.staff(
      YUELU,
      'requestCorrection',
      {
        id: app.id,
        items: [
          { item: 'applicant.name', message: '姓名有误' },
          { item: 'applicant.mobile', message: '' },
        ],
      },
      rid(),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'items.1.message': FIELD_MESSAGES.correctionMessage } } });
    const notCorrectable = await world.staff(YUELU, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.name', message: '姓名有误' }] }, rid());
    expect(notCorrectable).toMatchObject({ ok: false, error: { fields: { 'items.0.item': FIELD_MESSAGES.correctionItem } } });
    const items = [
      { item: 'applicant.mobile', message: '手机号码无法接通，请核对' },
      { item: 'materials.proofs', message: '租赁合同缺少签字页' },
    ];
    unwrap(await world.staff(YUELU, 'requestCorrection', { id: app.id, items }, rid()));
    const seen = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(seen.status).toBe('correction_requested');
    expect(seen.timeline[1]).toMatchObject({ status: 'correction_requested', items });

    const newProof = await world.upload(ALICE.openid);
    const notAsked = await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000', name: '李小梅' }, residence: { street: '橘子洲街道' } }, rid());
    expect(notAsked).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'applicant.name': FIELD_MESSAGES.notAskedFor, 'residence.street': FIELD_MESSAGES.notAskedFor } },
    });
    const badMobile = await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '123' } }, rid());
    expect(badMobile).toMatchObject({ ok: false, error: { fields: { 'applicant.mobile': FIELD_MESSAGES.mobile } } });
    const bobsFile = await world.upload(BOB.openid);
    const notMine = await world.call(ALICE.openid, 'resubmit', { id: app.id, materials: { proofs: [bobsFile] } }, rid());
    expect(notMine).toMatchObject({ ok: false, error: { fields: { 'materials.proofs': FIELD_MESSAGES.fileNotYours } } });

    const resubmitted = unwrap(
      await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000' }, materials: { proofs: [newProof] } }, rid()),
    );
    expect(resubmitted).toMatchObject({ status: 'pending', dueOn: '2026-09-19', declaredOn: '2026-09-01', applicant: { mobile: '13900139000', name: ALICE.name } });
    expect(resubmitted.materials.proofs).toEqual([newProof]);
    expect(resubmitted.residence?.street).toBe(app.residence?.street);
    unwrap(await world.staff(YUELU, 'approve', { id: app.id }, rid()));
    const timeline = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id })).timeline;
    expect(timeline.map((t) => t.status)).toEqual(['pending', 'correction_requested', 'pending', 'approved']);
  });

  it('asks only for materials the application must have', async () => {
    const app = await declare(world, ALICE);
    const items = ['materials.relationStatement', 'materials.photo', 'materials.damagedCard', 'materials.proofs'].map((item) => ({ item, message: '请重新上传' }));
    // A rented home needs no relation statement, and a declaration no ID photo or old card.
    const refused = await world.staff(YUELU, 'requestCorrection', { id: app.id, items }, rid());
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Exactly those three: the proofs, which it must have, can be asked for.
    expect(refused.ok ? null : refused.error.fields).toEqual({
      'items.0.item': FIELD_MESSAGES.correctionItem,
      'items.1.item': FIELD_MESSAGES.correctionItem,
      'items.2.item': FIELD_MESSAGES.correctionItem,
    });
    const payload = await declarationPayload(world, BOB, { residence: { kind: 'relative' } });
    const materials = { ...payload.materials, relationStatement: await world.upload(BOB.openid) };
    const relative = unwrap(await world.call<ApplicationView>(BOB.openid, 'submitDeclaration', { ...payload, materials }, rid()));
    expect(code(await world.staff(YUELU, 'requestCorrection', { id: relative.id, items: [{ item: 'materials.relationStatement', message: '未签名' }] }, rid()))).toBe('OK');
  });

  it('takes the relation statement a corrected kind of residence newly needs, though only the kind was asked for', async () => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'requestCorrection', { id: app.id, items: [{ item: 'residence.kind', message: '房屋为亲属所有，请更正住所类型' }] }, rid()));
    const before = await world.counts();
    const without = await world.call(ALICE.openid, 'resubmit', { id: app.id, residence: { kind: 'relative' } }, rid());
    expect(without).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'materials.relationStatement': FIELD_MESSAGES.relationStatement } } });
    const statement = await world.upload(ALICE.openid);
    // Only a kind that needs one brings the statement in.
    const toOwnHome = await world.call(ALICE.openid, 'resubmit', { id: app.id, residence: { kind: 'own' }, materials: { relationStatement: statement } }, rid());
    expect(toOwnHome).toMatchObject({ ok: false, error: { fields: { 'materials.relationStatement': FIELD_MESSAGES.notAskedFor } } });
    expect(await world.counts()).toEqual({ ...before, files: before.files + 1 });
    const fixed = unwrap(
      await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: app.id, residence: { kind: 'relative' }, materials: { relationStatement: statement } }, rid()),
    );
    expect(fixed).toMatchObject({ status: 'pending', residence: { kind: 'relative' }, materials: { relationStatement: statement } });
  });

  it('rejects with every reason, and frees the person to declare again', async () => {
    const app = await declare(world, ALICE);
    expect(code(await world.staff(YUELU, 'reject', { id: app.id, reasons: [] }, rid()))).toBe('INVALID_INPUT');
    unwrap(await world.staff(YUELU, 'reject', { id: app.id, reasons: ['租赁合同已过期', '居住地址与合同不一致'] }, rid()));
    const seen = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(seen.timeline[1]).toMatchObject({ status: 'rejected', reasons: ['租赁合同已过期', '居住地址与合同不一致'] });
    expect((await declare(world, ALICE)).status).toBe('pending');
  });

  it('starts the six months at approval, and keeps counting from the first declaration after a move', async () => {
    const first = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: first.id }, rid()));
    let overview = unwrap(await world.call<Overview>(ALICE.openid, 'overview'));
    expect(overview.declaration).toMatchObject({ status: 'approved', permitOpensOn: '2027-03-01', permitOpensOnProvisional: false });
    expect(overview.services.voucher.open).toBe(true);

    world.setNow('2026-11-20T10:00:00+08:00');
    const moved = await declare(world, ALICE);
    expect(moved).toMatchObject({ declaredOn: '2026-11-20', permitOpensOn: '2027-03-01', permitOpensOnProvisional: false });
    unwrap(await world.staff(CITY, 'approve', { id: moved.id }, rid()));
    expect((await world.store.get<ApplicationRecord>('applications', first.id))?.status).toBe('superseded');
    overview = unwrap(await world.call<Overview>(ALICE.openid, 'overview'));
    expect(overview.declaration).toMatchObject({ id: moved.id, status: 'approved', permitOpensOn: '2027-03-01' });
  });

  it('sorts the queue by due date, marks what is overdue, and filters by status and kind', async () => {
    const early = await declare(world, ALICE);
    world.setNow('2026-09-05T10:00:00+08:00');
    const late = await declare(world, BOB, { residence: { district: '430104' } });
    world.setNow('2026-09-17T10:00:00+08:00');
    const items = unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', {})).items;
    expect(items.map((i) => [i.id, i.dueOn, i.overdue])).toEqual([
      [early.id, '2026-09-16', true],
      [late.id, '2026-09-20', false],
    ]);
    const page = unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', { limit: 1 }));
    const next = unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', { limit: 1, cursor: page.nextCursor }));
    expect([...page.items, ...next.items].map((i) => i.id)).toEqual([early.id, late.id]);
    expect(unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', { status: 'approved' })).items).toEqual([]);
    expect(unwrap(await world.staff<Page<StaffQueueItem>>(YUELU, 'queue', { kind: 'permit' })).items).toEqual([]);
    expect(code(await world.staff(YUELU, 'queue', { status: 'done' }))).toBe('INVALID_INPUT');
  });
});

describe('cards: ready and collected', () => {
  /** A permit applied for six months after an approved declaration, and approved. */
  async function approvedPermit(): Promise<string> {
    const declaration = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: declaration.id }, rid()));
    world.setNow('2027-03-01T10:00:00+08:00');
    const { id } = unwrap(await applyService(world, ALICE.openid, 'permit'));
    unwrap(await world.staff(YUELU, 'approve', { id }, rid()));
    return id;
  }

  it('hands over only with the right pickup code or a recorded ID check, and never shows staff the code', async () => {
    const id = await approvedPermit();
    const ready = unwrap(await world.staff(YUELU, 'markReady', { id }, rid()));
    expect(JSON.stringify(ready)).not.toMatch(/pickup/i);
    const full = unwrap(await world.staff<StaffApplication>(YUELU, 'getApplication', { id }));
    expect(JSON.stringify(full)).not.toMatch(/pickupCode/);
    const stored = await world.store.get<ApplicationRecord>('applications', id);
    expect(stored?.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    expect(await world.staff(YUELU, 'markCollected', { id, pickupCode: 'WRONG123' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { pickupCode: FIELD_MESSAGES.pickupCode } },
    });
    expect(code(await world.staff(YUELU, 'markCollected', { id }, rid()))).toBe('INVALID_INPUT');
    unwrap(await world.staff(YUELU, 'markCollected', { id, pickupCode: stored!.pickupCode!.toLowerCase() }, rid()));
    const after = unwrap(await world.staff<StaffApplication>(YUELU, 'getApplication', { id }));
    expect(after.status).toBe('collected');
    expect(after.timeline.filter((t) => t.type === 'status').at(-1)).toMatchObject({ note: '凭领取码交付', actor: { role: 'staff' } });
  });

  it('records an in-person ID check instead of a code', async () => {
    const id = await approvedPermit();
    unwrap(await world.staff(CITY, 'markReady', { id }, rid()));
    unwrap(await world.staff(CITY, 'markCollected', { id, idCardChecked: true }, rid()));
    const after = unwrap(await world.staff<StaffApplication>(CITY, 'getApplication', { id }));
    expect(after.timeline.filter((t) => t.type === 'status').at(-1)).toMatchObject({ status: 'collected', note: '工作人员当面核验身份证后交付' });
  });
});
