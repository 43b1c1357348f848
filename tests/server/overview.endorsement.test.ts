// The overview of a collected permit: its validity, the years of residence and the endorsement window, to the day in China time.
import type { Overview } from '../../miniprogram/domain/contract';
import { NEEDS_CARD_FOR_ENDORSEMENT } from '../../miniprogram/domain/eligibility';
import { ALICE, applyService, collectedPermit as collectedPermitOf, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'staff-city';
let world: World;
let n = 0;
const rid = () => `endorse-${++n}`;

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(OFFICER, 'all');
});
afterEach(() => world.close());

const overview = async () => unwrap(await world.call<Overview>(ALICE.openid, 'overview'));

const collectedPermit = () => collectedPermitOf(world, OFFICER, rid);

describe('the endorsement of a collected permit in the overview', () => {
  it('is not due yet, with the first window’s dates, and says when it opens', async () => {
    const permit = await collectedPermit();
    const o = await overview();
    const expected = {
      id: permit.id,
      kind: 'permit',
      status: 'collected',
      issuedOn: '2027-03-31',
      validUntil: '2028-03-30',
      yearsOfResidence: 0,
      endorsement: { status: 'not_due', opensOn: '2028-02-29', closesOn: '2028-03-30' },
    };
    expect(o.permit).toEqual(expected);
    expect(o.card).toEqual(expected);
    expect(o.services.endorse).toMatchObject({ open: false, opensOn: '2028-02-29', fee: 0 });
    expect(o.services.endorse.reason).toContain('334 天');

    world.setNow('2028-02-28T23:59:00+08:00'); // the day before the window, China time
    expect((await overview()).services.endorse).toMatchObject({ open: false, opensOn: '2028-02-29' });
  });

  it('opens on the window’s first day at midnight China time, through its last day', async () => {
    await collectedPermit();
    world.setNow('2028-02-29T00:00:00+08:00'); // still 2028-02-28 in UTC
    let o = await overview();
    expect(o.permit).toMatchObject({ validUntil: '2028-03-30', yearsOfResidence: 0, endorsement: { status: 'window_open', opensOn: '2028-02-29', closesOn: '2028-03-30' } });
    expect(o.services.endorse).toEqual({ open: true, fee: 0 });
    world.setNow('2028-03-30T23:59:00+08:00');
    o = await overview();
    expect(o.card?.endorsement).toEqual({ status: 'window_open', opensOn: '2028-02-29', closesOn: '2028-03-30' });
    expect(o.services.endorse.open).toBe(true);
  });

  it('lapses on the anniversary without an endorsement, and stays open for a late one', async () => {
    await collectedPermit();
    world.setNow('2028-03-31T00:00:00+08:00');
    const o = await overview();
    const lapsed = { validUntil: '2028-03-30', yearsOfResidence: 0, endorsement: { status: 'lapsed', opensOn: '2028-03-31', closesOn: null } };
    expect(o.permit).toMatchObject(lapsed);
    expect(o.card).toMatchObject(lapsed);
    expect(o.services.endorse).toEqual({ open: true, fee: 0 });
  });

  it('is closed before a card is collected, and for a card reported lost', async () => {
    const declaration = await declare(world, ALICE);
    unwrap(await world.staff(OFFICER, 'approve', { id: declaration.id }, rid()));
    expect((await overview()).services.endorse).toEqual({ open: false, reason: NEEDS_CARD_FOR_ENDORSEMENT, fee: 0 });

    world.setNow('2027-02-28T10:00:00+08:00');
    const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
    world.setNow('2027-03-31T10:00:00+08:00');
    unwrap(await world.staff(OFFICER, 'approve', { id: permit.id }, rid()));
    unwrap(await world.staff(OFFICER, 'markReady', { id: permit.id }, rid()));
    unwrap(await world.staff(OFFICER, 'markCollected', { id: permit.id, idCardChecked: true }, rid()));
    world.setNow('2028-03-01T10:00:00+08:00');
    expect((await overview()).services.endorse.open).toBe(true);
    unwrap(await applyService(world, ALICE.openid, 'reissue', { reason: 'lost' }));
    const o = await overview();
    expect(o.services.endorse).toMatchObject({ open: false, reason: '居住证已挂失，补领后可办理签注' });
    expect(o.services.endorse.opensOn).toBeUndefined();
  });
});
