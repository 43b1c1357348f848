// Declaring again after a move: verified as the approved declaration's person, name and ID number left out.
import type { ApplicationDetail, ApplicationView, Overview } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ALICE, declarationFields, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'officer-yuelu';
const ALICES_APPLICATIONS = { where: { ownerOpenid: ALICE.openid }, orderBy: { field: 'submittedAt', direction: 'desc' as const }, limit: 10 };
let world: World;
let requests = 0;
const rid = () => `redeclare-${++requests}`;
beforeEach(async () => {
  world = createWorld();
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** A face check of the approved declaration's person, as a later service starts one. */
async function verifyKnownPerson(openid: string): Promise<string> {
  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(openid, 'startVerification', {}));
  return unwrap(await world.call<{ verificationToken: string }>(openid, 'finishVerification', { verifyId })).verificationToken;
}

/** The declaration after a move: the new address, everything of the person but who they are. */
async function movedPayload(applicantExtra: Record<string, unknown> = {}) {
  const { consent, applicant, residence } = declarationFields(ALICE);
  const { name: _name, idNumber: _idNumber, ...details } = applicant as typeof applicant & { name: string; idNumber: string };
  return {
    verificationToken: await verifyKnownPerson(ALICE.openid),
    consent,
    applicant: { ...details, mobile: '13900139000', ...applicantExtra },
    residence: { ...residence, district: '430104', street: '观沙岭街道', address: '滨江小区 5 栋 1203', since: '2026-11-01' },
    materials: { idFront: await world.upload(ALICE.openid), proofs: [await world.upload(ALICE.openid)] },
  };
}

describe('declaring again after a move', () => {
  it('takes name and ID number from the approved declaration, and counts the six months from the first', async () => {
    const first = await declare(world, ALICE);
    unwrap(await world.staff(OFFICER, 'approve', { id: first.id }, rid()));
    world.setNow('2026-11-20T10:00:00+08:00');
    const moved = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', await movedPayload(), rid()));
    expect(moved).toMatchObject({ kind: 'declaration', status: 'pending', applicant: { name: ALICE.name, idNumberMasked: '430104********1237', mobile: '13900139000' } });
    expect(moved.residence).toMatchObject({ street: '观沙岭街道', since: '2026-11-01' });
    const staffView = unwrap(await world.staff<{ applicant: { idNumber: string } }>(OFFICER, 'getApplication', { id: moved.id }));
    expect(staffView.applicant.idNumber).toBe(ALICE.idNumber);
    unwrap(await world.staff(OFFICER, 'approve', { id: moved.id }, rid()));
    const overview = unwrap(await world.call<Overview>(ALICE.openid, 'overview', {}));
    expect(overview.approvedDeclarationId).toBe(moved.id);
    expect(overview.declaration?.permitOpensOn).toBe(first.permitOpensOn);
    const detail = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: moved.id }));
    expect(detail.residence?.address).toBe('滨江小区 5 栋 1203');
  });

  it('still names a missing name and ID number for a person without an approved declaration, and stores nothing', async () => {
    const pending = await declare(world, ALICE);
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: pending.id }, rid()));
    const { consent, applicant, residence } = declarationFields(ALICE);
    const { name: _name, idNumber: _idNumber, ...details } = applicant as typeof applicant & { name: string; idNumber: string };
    const before = await world.store.find('applications', ALICES_APPLICATIONS);
    const result = await world.call(ALICE.openid, 'submitDeclaration', { verificationToken: 'x', consent, applicant: details, residence, materials: {} }, rid());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'applicant.name': FIELD_MESSAGES.name, 'applicant.idNumber': FIELD_MESSAGES.idLength } } });
    expect(await world.store.find('applications', ALICES_APPLICATIONS)).toHaveLength(before.length);
  });

  it('checks the details typed, naming each bad field', async () => {
    const first = await declare(world, ALICE);
    unwrap(await world.staff(OFFICER, 'approve', { id: first.id }, rid()));
    const result = await world.call(ALICE.openid, 'submitDeclaration', await movedPayload({ mobile: '12345678901', ethnicity: '火星族' }), rid());
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'applicant.mobile': FIELD_MESSAGES.mobileNotMainland, 'applicant.ethnicity': FIELD_MESSAGES.ethnicity } },
    });
  });

  it('does not take the identity when only one of name and ID number is left out', async () => {
    const first = await declare(world, ALICE);
    unwrap(await world.staff(OFFICER, 'approve', { id: first.id }, rid()));
    const result = await world.call(ALICE.openid, 'submitDeclaration', await movedPayload({ name: ALICE.name }), rid());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'applicant.idNumber': FIELD_MESSAGES.idLength } } });
  });
});
