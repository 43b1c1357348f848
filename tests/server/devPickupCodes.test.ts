// GET /api/dev/pickup-codes over real HTTP: the codes of ready applications, for the preview's stand-in
// for wx.scanCode, read from the ready lane's index and bounded.
import type { AddressInfo } from 'node:net';
import type { ApplicationView } from '../../miniprogram/domain/contract';
import { devClock } from '../../server/local/clock';
import { createHost, type LocalHost } from '../../server/local/host';
import { PICKUP_CODES_LIMIT } from '../../server/local/pickupCodes';
import type { ApplicationRecord } from '../../server/records';
import type { Query } from '../../server/store/types';
import { developmentVerifier } from '../../server/verification/development';
import { ALICE, applyService, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'officer-city';
let world: World;
let host: LocalHost;
let url: string;
let sequence = 0;
const rid = () => `pickup-codes-${++sequence}`;

beforeEach(async () => {
  world = createWorld();
  await world.grant(OFFICER, 'all');
  host = createHost({
    store: world.store,
    files: world.files,
    verifier: developmentVerifier(),
    clock: devClock(world.now),
    settings: { cardFee: 20 },
    personKey: (idNumber) => idNumber,
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => host.close(resolve));
  world.close();
});

async function pickupCodes(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/dev/pickup-codes`);
  return { status: res.status, body: await res.json() };
}

/** ALICE's permit, from an approved declaration to a card ready at the counter. */
async function readyPermit(): Promise<ApplicationView> {
  const declaration = await declare(world, ALICE);
  unwrap(await world.staff(OFFICER, 'approve', { id: declaration.id }, rid()));
  world.setNow('2027-03-01T10:00:00+08:00');
  const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  for (const action of ['approve', 'markReady']) unwrap(await world.staff(OFFICER, action, { id: permit.id }, rid()));
  return permit;
}

it('lists the code of every ready application with its id, kind and district, and no other application', async () => {
  expect(await pickupCodes()).toEqual({ status: 200, body: { ok: true, data: { items: [] } } });
  const permit = await readyPermit();
  const stored = await world.store.get<ApplicationRecord>('applications', permit.id);
  expect(stored?.pickupCode).toMatch(/^[0-9A-Z]{8}$/);
  // The approved declaration before it is settled, not ready: only the permit is listed.
  expect((await pickupCodes()).body).toEqual({ ok: true, data: { items: [{ code: stored?.pickupCode, applicationId: permit.id, kind: 'permit', district: stored?.district }] } });

  unwrap(await world.staff(OFFICER, 'markCollected', { id: permit.id, pickupCode: stored?.pickupCode }, rid()));
  expect((await pickupCodes()).body.data.items).toEqual([]);
});

it('reads the ready lane by its index, the first ones by due date, never more than the limit', async () => {
  const permit = await readyPermit();
  const ready = (await world.store.get<ApplicationRecord>('applications', permit.id))!;
  const { _id, _version, ...record } = ready;
  // More ready cards than the list holds, due on different days, written as the staff's markReady leaves them.
  const extra = Array.from({ length: PICKUP_CODES_LIMIT + 5 }, (_, i) => ({
    op: 'create' as const,
    collection: 'applications' as const,
    id: `ready-${String(i).padStart(3, '0')}`,
    doc: { ...record, dueOn: `2027-04-${String((i % 28) + 1).padStart(2, '0')}`, pickupCode: `CODE${String(i).padStart(4, '0')}` },
  }));
  await world.store.commit(extra);

  const queries: Query[] = [];
  const find = world.store.find.bind(world.store);
  world.store.find = ((collection, query) => {
    queries.push(query);
    return find(collection, query);
  }) as typeof world.store.find;

  const { body } = await pickupCodes();
  const items: { code: string; applicationId: string }[] = body.data.items;
  expect(items).toHaveLength(PICKUP_CODES_LIMIT);
  expect(PICKUP_CODES_LIMIT).toBe(50);
  // The applications_by_lane index: equality on the lane, ordered by the due date.
  expect(queries).toEqual([{ where: { lane: 'ready' }, orderBy: { field: 'dueOn', direction: 'asc' }, limit: PICKUP_CODES_LIMIT }]);
  const dueOf = new Map([[permit.id, ready.dueOn], ...extra.map((w) => [w.id, w.doc.dueOn] as [string, string])]);
  const dues = items.map((item) => dueOf.get(item.applicationId)!);
  expect(dues).toEqual([...dues].sort());
  expect(new Set(items.map((item) => item.code)).size).toBe(PICKUP_CODES_LIMIT);
});

it('answers GET only', async () => {
  const res = await fetch(`${url}/api/dev/pickup-codes`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
  expect(res.status).toBe(404);
});
