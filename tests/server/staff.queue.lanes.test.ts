// The staff queue reads only what its screen shows: the default queue only what is in staff's view, a status
// filter only its lane (the approved lane holds cards to make, not settled declarations), in one query per
// district (one city-wide); and a store written before the lanes existed is placed in them on start.
import type { Page, StaffQueueItem } from '../../miniprogram/domain/contract';
import { waitsForStaff } from '../../miniprogram/domain/states';
import { migrateQueueLanes } from '../../server/migrations/queueLanes';
import type { ApplicationRecord } from '../../server/records';
import type { Doc, Store } from '../../server/store/types';
import { applyService, BOB, collectedPermit, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu';
const CITY = 'staff-city';
let world: World;
let request = 0;
const rid = () => `q${++request}`;

/** Records each find the handlers make, with the documents it read. */
function recordFinds(store: Store): { reads: Doc<ApplicationRecord>[][]; restore: () => void } {
  const { find } = store;
  const reads: Doc<ApplicationRecord>[][] = [];
  store.find = (async (...args: Parameters<Store['find']>) => {
    const docs = await find.apply(store, args);
    if (args[0] === 'applications') reads.push(docs as Doc<ApplicationRecord>[]);
    return docs;
  }) as Store['find'];
  return { reads, restore: () => (store.find = find) };
}

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
  await world.grant(CITY, 'all');
  // ALICE: an approved (settled) declaration and a collected permit; BOB: a declaration waiting for review,
  // then, once approved, a permit approved and waiting to be made.
  await collectedPermit(world, YUELU, rid);
  const bob = await declare(world, BOB);
  unwrap(await world.staff(YUELU, 'approve', { id: bob.id }, rid()));
  world.setNow('2027-10-08T10:00:00+08:00');
  const permit = unwrap(await applyService(world, BOB.openid, 'permit'));
  unwrap(await world.staff(YUELU, 'approve', { id: permit.id }, rid()));
});
afterEach(() => world.close());

const queue = async (officer: string, payload: Record<string, unknown>) => unwrap(await world.staff<Page<StaffQueueItem>>(officer, 'queue', payload)).items;

it.each([
  [YUELU, {}],
  [CITY, {}],
  [YUELU, { kind: 'permit' }],
  [CITY, { status: 'approved' }],
  [YUELU, { status: 'approved', kind: 'permit' }],
])('%s queue %j reads nothing settled, in one query per district and filter', async (officer, payload) => {
  const { reads, restore } = recordFinds(world.store);
  const items = await queue(officer, payload);
  restore();
  expect(items.map((i) => [i.kind, i.status])).toEqual([['permit', 'approved']]);
  // A kind without a status asks each status in which that kind is in view (a permit: pending, correction
  // requested, approved and ready); everything else is a single query.
  expect(reads).toHaveLength('kind' in payload && !('status' in payload) ? 4 : 1);
  for (const doc of reads.flat()) expect(waitsForStaff(doc.kind, doc.status)).toBe(true);
});

it('finds the settled by their own status, and an approved declaration only by asking for declarations', async () => {
  expect((await queue(CITY, { status: 'collected' })).map((i) => i.kind)).toEqual(['permit']);
  expect((await queue(CITY, { status: 'approved', kind: 'declaration' })).map((i) => i.kind)).toEqual(['declaration', 'declaration']);
  expect(await queue(CITY, { status: 'pending' })).toEqual([]);
});

it('places the applications of a store written before the lanes, once', async () => {
  const apps = await world.store.find<ApplicationRecord>('applications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 100 });
  // As such a store held them: no lane, no waiting mark.
  await world.store.commit(
    apps.map(({ _id, _version, lane: _lane, waiting: _waiting, ...fields }) => ({
      op: 'update' as const,
      collection: 'applications' as const,
      id: _id,
      version: _version,
      doc: fields,
    })),
  );
  expect(await queue(CITY, {})).toEqual([]);
  expect(await migrateQueueLanes(world.store)).toBe(apps.length);
  expect((await queue(CITY, {})).map((i) => [i.kind, i.status])).toEqual([['permit', 'approved']]);
  expect(await migrateQueueLanes(world.store)).toBe(0);
});
