// What would otherwise grow without bound: idempotency records expire and the scheduler deletes them with
// used-up verifications; staff views are written without reading the log back, and however many there are,
// the timeline keeps every status change.
import type { ApplicationView, Result, SchedulerResult, StaffApplication } from '../../miniprogram/domain/contract';
import { runFunction } from '../../server/functions';
import { REQUEST_RECORD_MS } from '../../server/prune';
import { SHOWN_VIEWS } from '../../server/views';
import { VIEW_SESSION_MS } from '../../server/handlers/staff/viewSessions';
import { ALICE, declarationPayload, declare } from '../support/declarations';
import { spyOnStore } from '../support/storeSpy';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'staff-yuelu';
let world: World;
beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** The scheduler's run, called as its trigger calls it. */
async function prunedByScheduler(): Promise<number> {
  const result = await runFunction('scheduler', { ...world.context(''), trigger: true }, { action: 'run' });
  return unwrap(result as Result<SchedulerResult>).pruned;
}

it('answers a repeated write the same until its record expires, then the scheduler deletes the record', async () => {
  const payload = await declarationPayload(world, ALICE);
  const first = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', payload, 'submit-1'));
  world.now += REQUEST_RECORD_MS - 1000;
  expect(unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', {}, 'submit-1'))).toEqual(first);
  expect((await world.counts()).requests).toBe(1);

  world.now += 2000;
  // The request record, and the verification check and token that the submission used.
  expect(await prunedByScheduler()).toBe(3);
  expect(await world.counts()).toMatchObject({ requests: 0, tokens: 0, verifications: 0, applications: 1 });
  // Past its time the same request id is a new request: an empty payload is checked as one.
  const again = await world.call(ALICE.openid, 'submitDeclaration', {}, 'submit-1');
  expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

it('keeps what has not expired: a verification in progress, a live token, a recent request', async () => {
  await declarationPayload(world, ALICE); // a check and a token, not used
  await declare(world, { ...ALICE, openid: 'resident-other', idNumber: '43010219920815106X', name: '王建国' });
  const before = await world.counts();
  expect(await prunedByScheduler()).toBe(0);
  // The run also keeps the staff stats' daily totals, and marks the store as migrated (queue lanes, event
  // places: once each); nothing else changes.
  const after = await world.counts();
  expect(after.meta).toBe(before.meta + 2);
  expect({ ...after, totals: before.totals, meta: before.meta }).toEqual(before);
});

it('writes a staff view without reading the log back, and keeps every status change in the timeline past a thousand views', async () => {
  const app = await declare(world, ALICE);
  const views = 1100;
  for (let i = 0; i < views; i++) {
    // Each a sitting of its own: views closer together are counted on one record.
    world.now += VIEW_SESSION_MS;
    unwrap(await world.staff(OFFICER, 'getApplication', { id: app.id }));
  }
  unwrap(await world.staff(OFFICER, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, 'c-1'));
  world.now += 1000;
  const spy = spyOnStore(world.store);
  const full = unwrap(await world.staff<StaffApplication>(OFFICER, 'getApplication', { id: app.id }));
  // The staff check, the application, its status changes and its latest views: four reads, one write.
  expect(spy.lookups).toBe(4);
  expect(spy.writes).toBe(1);
  spy.restore();
  expect(full.timeline.filter((t) => t.type === 'status').map((t) => t.status)).toEqual(['pending', 'correction_requested']);
  const shownViews = full.timeline.filter((t) => t.type === 'id_viewed');
  expect(shownViews).toHaveLength(SHOWN_VIEWS);
  // The latest views, after the change they saw; the resident's timeline has no views at all.
  expect(full.timeline[full.timeline.length - 1]).toMatchObject({ type: 'id_viewed', at: world.now });
  const detail = unwrap(await world.call<{ timeline: unknown[] }>(ALICE.openid, 'getApplication', { id: app.id }));
  expect(detail.timeline).toHaveLength(2);
  expect((await world.counts()).views).toBe(1000); // counts() reads a page of at most 1000
});

it('answers a repeat from a record written before records expired, for as long as a new record would keep it', async () => {
  const first = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', await declarationPayload(world, ALICE), 'submit-1'));
  // As an older store held it: the answer and its time, no expiry.
  const [record] = await world.store.find<{ result: unknown; at: number }>('requests', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 10 });
  await world.store.commit([{ op: 'update', collection: 'requests', id: record._id, version: record._version, doc: { result: record.result, at: record.at } }]);
  world.now += REQUEST_RECORD_MS - 1000;
  expect(await prunedByScheduler()).toBe(2); // the spent check and token; the record stays
  expect(unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', {}, 'submit-1'))).toEqual(first);
  world.now += 2000;
  expect(await prunedByScheduler()).toBe(1);
});

it('replaces an expired record with the new answer, even when the scheduler deletes it in between', async () => {
  const first = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', await declarationPayload(world, ALICE), 'same-id'));
  unwrap(await world.call(ALICE.openid, 'withdraw', { id: first.id }, 'withdraw-1'));
  world.now += REQUEST_RECORD_MS + 1000;
  const payload = await declarationPayload(world, ALICE);
  // The scheduler's prune lands between the request's read of the expired record and its commit.
  const { get } = world.store;
  world.store.get = (async (...args: Parameters<typeof get>) => {
    const doc = await get.apply(world.store, args);
    if (args[0] === 'requests' && doc) await world.store.commit([{ op: 'delete', collection: 'requests', id: doc._id, version: doc._version }]);
    return doc;
  }) as typeof get;
  const again = await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', payload, 'same-id');
  world.store.get = get;
  expect(again).toMatchObject({ ok: true, data: { status: 'pending' } });
  expect(unwrap(again).id).not.toBe(first.id);
  // And the new answer is the one kept for repeats.
  expect(unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', {}, 'same-id')).id).toBe(unwrap(again).id);
});
