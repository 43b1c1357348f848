// A staff search finds an application by what a resident says at the counter — its id, the pickup code of a
// ready card, the last 4–6 characters of the ID number or the exact name — in every status, only within the
// officer's districts; the default queue keeps a correction asked of the resident in view; and a store written
// before the search fields existed gets them on the next start.
import type { Page, StaffQueueItem } from '../../miniprogram/domain/contract';
import { migrateQueueLanes } from '../../server/migrations/queueLanes';
import { staffOverdue } from '../../server/notifications/dated';
import type { ApplicationRecord } from '../../server/records';
import { ALICE, applyService, BOB, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu';
const FURONG = 'staff-furong';
const CITY = 'staff-city';
let world: World;
let request = 0;
const rid = () => `s${++request}`;

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
  await world.grant(FURONG, ['430102']);
  await world.grant(CITY, 'all');
});
afterEach(() => world.close());

const search = (officer: string, payload: Record<string, unknown>) => world.staff<Page<StaffQueueItem>>(officer, 'queue', payload);
const found = async (officer: string, query: string, extra: Record<string, unknown> = {}) => unwrap(await search(officer, { query, ...extra })).items.map((i) => i.id);
const record = async (id: string) => (await world.store.get<ApplicationRecord>('applications', id))!;

/** ALICE's approved declaration (岳麓区) and her permit, approved and ready to collect; BOB's declaration in 芙蓉区. */
async function readyPermit() {
  const declaration = await declare(world, ALICE);
  unwrap(await world.staff(YUELU, 'approve', { id: declaration.id }, rid()));
  const bob = await declare(world, BOB, { residence: { district: '430102' } });
  world.setNow('2027-02-28T10:00:00+08:00');
  const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  unwrap(await world.staff(YUELU, 'approve', { id: permit.id }, rid()));
  unwrap(await world.staff(YUELU, 'markReady', { id: permit.id }, rid()));
  return { declaration, permit, bob, code: (await record(permit.id)).pickupCode! };
}

it('reads an application id, within the districts only', async () => {
  const { declaration, bob } = await readyPermit();
  expect(await found(YUELU, declaration.id)).toEqual([declaration.id]);
  expect(await found(CITY, bob.id)).toEqual([bob.id]);
  expect(await found(FURONG, declaration.id)).toEqual([]);
  expect(await found(YUELU, bob.id)).toEqual([]);
});

it('reads an exact name, in every status, earliest due first, paged', async () => {
  const { declaration, permit, bob } = await readyPermit();
  // A settled declaration and a ready card: a search is not the default queue's view, nor narrowed by its filters.
  expect(await found(YUELU, ALICE.name)).toEqual([declaration.id, permit.id]);
  expect(await found(YUELU, `  ${ALICE.name} `, { status: 'pending', kind: 'endorsement' })).toEqual([declaration.id, permit.id]);
  const first = unwrap(await search(YUELU, { query: ALICE.name, limit: 1 }));
  const second = unwrap(await search(YUELU, { query: ALICE.name, limit: 1, cursor: first.nextCursor }));
  expect([...first.items, ...second.items].map((i) => i.id)).toEqual([declaration.id, permit.id]);
  expect(second.nextCursor).toBeNull();
  expect(await found(CITY, BOB.name)).toEqual([bob.id]);
  expect(await found(YUELU, BOB.name)).toEqual([]);
  expect(await found(FURONG, ALICE.name)).toEqual([]);
  expect(await found(YUELU, ALICE.name.slice(0, 2))).toEqual([]);
});

it('reads 4 to 6 trailing ID characters, a trailing X in either case', async () => {
  const { declaration, permit, bob } = await readyPermit();
  for (const length of [4, 5, 6]) expect(await found(YUELU, ALICE.idNumber.slice(-length))).toEqual([declaration.id, permit.id]);
  expect(await found(CITY, '106x')).toEqual([bob.id]);
  expect(await found(FURONG, '15106X')).toEqual([bob.id]);
  expect(await found(FURONG, ALICE.idNumber.slice(-4))).toEqual([]);
  // Three characters are not a tail; seven are not one either.
  expect(await found(CITY, ALICE.idNumber.slice(-3))).toEqual([]);
  expect(await found(CITY, ALICE.idNumber.slice(-7))).toEqual([]);
});

it('reads a pickup code only for its ready card, never echoing it', async () => {
  const { permit, code } = await readyPermit();
  const answer = unwrap(await search(YUELU, { query: code.toLowerCase() }));
  expect(answer.items.map((i) => [i.id, i.status])).toEqual([[permit.id, 'ready']]);
  expect(JSON.stringify(answer)).not.toContain(code);
  expect(JSON.stringify(answer).toLowerCase()).not.toContain(code.toLowerCase());
  expect(await found(FURONG, code)).toEqual([]);
  unwrap(await world.staff(YUELU, 'markCollected', { id: permit.id, pickupCode: code }, rid()));
  expect(await found(CITY, code)).toEqual([]);
});

it.each([[''], ['   '], ['x'.repeat(65)], [1237], [null], [['李晓梅']]])('refuses the query %j as INVALID_INPUT on query', async (query) => {
  const answer = await search(YUELU, { query });
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(Object.keys((answer as { error: { fields: object } }).error.fields)).toEqual(['query']);
});

it('keeps a correction asked of the resident in the default queue, with the day it was asked, never overdue', async () => {
  const app = await declare(world, ALICE);
  // 23:30 in China is already the next day in UTC: the day asked is China's.
  world.setNow('2026-09-03T23:30:00+08:00');
  unwrap(await world.staff(YUELU, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, rid()));
  world.setNow('2026-10-20T10:00:00+08:00');
  for (const payload of [{}, { kind: 'declaration' }, { status: 'correction_requested' }]) {
    const items = unwrap(await search(YUELU, payload)).items;
    expect(items).toEqual([expect.objectContaining({ id: app.id, status: 'correction_requested', askedOn: '2026-09-03', overdue: false })]);
  }
  expect(unwrap(await search(CITY, {})).items.map((i) => i.id)).toEqual([app.id]);
  expect(unwrap(await search(FURONG, {})).items).toEqual([]);
  // Past its due date, it still waits on the resident: staff are not told it is overdue.
  const drafts = [];
  for await (const draft of staffOverdue(world.store, '2026-10-20')) drafts.push(draft);
  expect(drafts).toEqual([]);
  // Back from the resident it is a review again, with no day asked.
  unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000' } }, rid()));
  expect(unwrap(await search(YUELU, {})).items).toEqual([expect.not.objectContaining({ askedOn: expect.anything() })]);
});

it('gives the search fields to the applications of a store written before them, once', async () => {
  const { declaration, permit } = await readyPermit();
  const apps = await world.store.find<ApplicationRecord>('applications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 100 });
  // As such a store held them: placed in the queue, marked with the rule of its time, but without search fields.
  await world.store.commit(
    apps.map(({ _id, _version, searchName: _n, idTail4: _t4, idTail5: _t5, idTail6: _t6, ...fields }) => ({
      op: 'update' as const,
      collection: 'applications' as const,
      id: _id,
      version: _version,
      doc: fields,
    })),
  );
  const marker = await world.store.get('meta', 'queue-lanes');
  await world.store.commit([
    marker
      ? { op: 'update', collection: 'meta', id: 'queue-lanes', version: marker._version, doc: { rule: 'before search' } }
      : { op: 'create', collection: 'meta', id: 'queue-lanes', doc: { rule: 'before search' } },
  ]);
  expect(await found(YUELU, ALICE.name)).toEqual([]);
  expect(await migrateQueueLanes(world.store)).toBe(apps.length);
  expect(await found(YUELU, ALICE.name)).toEqual([declaration.id, permit.id]);
  expect(await found(YUELU, ALICE.idNumber.slice(-6))).toEqual([declaration.id, permit.id]);
  expect(await migrateQueueLanes(world.store)).toBe(0);
});
