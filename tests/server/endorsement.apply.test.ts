// The yearly endorsement as a service: applied for within the window or after a lapse, reviewed by staff
// like any application, and read back by the overview as api.md's dates say, in China time.
import type { ApplicationView, Overview } from '../../miniprogram/domain/contract';
import { ALICE, applyService, collectedPermit as collectedPermitOf } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'staff-city';
let world: World;
let n = 0;
const rid = () => `endorsement-${++n}`;

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(OFFICER, 'all');
});
afterEach(() => world.close());

const overview = async () => unwrap(await world.call<Overview>(ALICE.openid, 'overview'));
const endorse = () => applyService(world, ALICE.openid, 'endorsement');

const collectedPermit = () => collectedPermitOf(world, OFFICER, rid);

describe('applyEndorsement', () => {
  it('is NOT_ELIGIBLE before the window, with the date it opens', async () => {
    await collectedPermit();
    world.setNow('2028-02-28T12:00:00+08:00');
    const result = await endorse();
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE', opensOn: '2028-02-29' } });
  });

  it('on time: pending keeps the card from lapsing, approval keeps it valid a year more and counts the year', async () => {
    await collectedPermit();
    world.setNow('2028-03-20T10:00:00+08:00');
    const application = unwrap(await endorse());
    expect(application).toMatchObject({ kind: 'endorsement', status: 'pending', dueOn: '2028-04-04' });
    expect(await endorse()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    world.setNow('2028-03-31T10:00:00+08:00'); // the anniversary, still under review
    expect((await overview()).card?.endorsement).toMatchObject({ status: 'pending' });

    world.setNow('2028-04-02T10:00:00+08:00');
    const approved = unwrap(await world.staff<ApplicationView>(OFFICER, 'approve', { id: application.id }, rid()));
    expect(approved.status).toBe('approved');
    // Nothing to collect: an endorsement is settled once approved.
    expect(await world.staff(OFFICER, 'markReady', { id: application.id }, rid())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const o = await overview();
    expect(o.card).toMatchObject({ validUntil: '2029-03-30', yearsOfResidence: 1, endorsement: { status: 'not_due', opensOn: '2029-02-28', closesOn: '2029-03-30' } });
    expect(o.services.endorse.open).toBe(false);
  });

  it('late: after a lapse it restores the card from the approval date, and the years start again', async () => {
    await collectedPermit();
    world.setNow('2028-04-10T10:00:00+08:00');
    expect((await overview()).card?.endorsement?.status).toBe('lapsed');
    const application = unwrap(await endorse());
    world.setNow('2028-04-15T10:00:00+08:00');
    unwrap(await world.staff(OFFICER, 'approve', { id: application.id }, rid()));
    const o = await overview();
    expect(o.card).toMatchObject({ validUntil: '2029-04-14', yearsOfResidence: 0, endorsement: { status: 'not_due', opensOn: '2029-03-15', closesOn: '2029-04-14' } });
  });

  it('refused after the anniversary: the card lapses that day and the next one is late', async () => {
    await collectedPermit();
    world.setNow('2028-03-25T10:00:00+08:00');
    const application = unwrap(await endorse());
    world.setNow('2028-04-03T10:00:00+08:00');
    unwrap(await world.staff(OFFICER, 'reject', { id: application.id, reasons: ['居住证明已过期'] }, rid()));
    const o = await overview();
    expect(o.card?.endorsement).toEqual({ status: 'lapsed', opensOn: '2028-04-03', closesOn: null });
    expect(o.services.endorse.open).toBe(true);
  });

  it('is listed in 我的办件 and found in the staff queue', async () => {
    await collectedPermit();
    world.setNow('2028-03-01T10:00:00+08:00');
    const application = unwrap(await endorse());
    const mine = unwrap(await world.call<{ items: ApplicationView[] }>(ALICE.openid, 'listApplications'));
    expect(mine.items[0]).toMatchObject({ id: application.id, kind: 'endorsement' });
    const queue = unwrap(await world.staff<{ items: { id: string; kind: string }[] }>(OFFICER, 'queue', { kind: 'endorsement' }));
    expect(queue.items.map((i) => i.id)).toEqual([application.id]);
  });
});
