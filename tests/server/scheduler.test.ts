// The scheduler function: which dated notifications it creates on a table of dates, that repeated and
// concurrent runs create and send nothing twice, and that no resident or staff caller may run it.
import type { SchedulerResult } from '../../miniprogram/domain/contract';
import type { Context } from '../../server/context';
import { runFunction } from '../../server/functions';
import { DEFAULT_NOTIFICATION_CONFIG } from '../../server/notifications/config';
import type { NotificationRecord, Notifier } from '../../server/notifications/types';
import { ALICE, BOB, applyService, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu'; // 430104, where ALICE and BOB declare
const FURONG = 'staff-furong'; // 430102
const CITY = 'staff-city'; // every district

let world: World;
let request = 0;
const rid = () => `s${++request}`;

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
  await world.grant(FURONG, ['430102']);
  await world.grant(CITY, 'all');
});
afterEach(() => world.close());

/** The scheduler as its trigger runs it: no caller, the entry's own run. */
function trigger(notifier?: Notifier) {
  const ctx: Context = { ...world.context(''), trigger: true, ...(notifier ? { notifications: { config: DEFAULT_NOTIFICATION_CONFIG, notifier } } : {}) };
  return runFunction('scheduler', ctx, { action: 'run' }) as Promise<{ ok: true; data: SchedulerResult }>;
}

async function runAt(iso: string): Promise<SchedulerResult> {
  world.setNow(iso);
  return unwrap(await trigger());
}

async function ids(): Promise<string[]> {
  const all = await world.store.find<NotificationRecord>('notifications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
  return all.map((n) => n._id);
}

/** The dated notifications only (decisions notify too, on their own). */
async function dated(): Promise<string[]> {
  return (await ids()).filter((id) => /^(pickup_reminder|permit_open|staff_overdue):/.test(id));
}

/** A notifier that sends everything, after `delayMs` (so two runs overlap), and records what it sent. */
function recordingNotifier(delayMs = 0): { sent: string[]; notifier: Notifier } {
  const sent: string[] = [];
  const notifier: Notifier = {
    async send(message) {
      sent.push(message.id);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return 'sent';
    },
  };
  return { sent, notifier };
}

const approve = async (id: string) => unwrap(await world.staff(YUELU, 'approve', { id }, rid()));

it('creates on each date what is due and still true, once', async () => {
  const alice = await declare(world, ALICE);
  await approve(alice.id);
  const bob = await declare(world, BOB); // due 2026-09-16, overdue from the 17th
  const aliceKey = world.context(ALICE.openid).personKey(ALICE.idNumber);

  expect(await runAt('2026-09-16T09:00:00+08:00')).toMatchObject({ created: 0, delivered: 0, failed: 0 });
  expect((await runAt('2026-09-17T09:00:00+08:00')).created).toBe(2);
  // Each staff member whose districts hold overdue applications, with the count; 芙蓉区's officer holds none.
  expect(await dated()).toEqual([`staff_overdue:${CITY}:2026-09-17`, `staff_overdue:${YUELU}:2026-09-17`]);
  const overdue = await world.store.get<NotificationRecord>('notifications', `staff_overdue:${YUELU}:2026-09-17`);
  expect(overdue).toMatchObject({ event: 'staff_overdue', openid: YUELU, page: 'staff/pages/queue/index' });
  expect(overdue?.data.thing4.value).toBe('辖区1件已超期，请处理');
  expect((await runAt('2026-09-17T15:00:00+08:00')).created).toBe(0);
  await approve(bob.id);
  expect((await runAt('2026-09-18T09:00:00+08:00')).created).toBe(0);

  expect((await runAt('2027-02-28T09:00:00+08:00')).created).toBe(0);
  // Bob applies before the run of the day his permit opens: it is no longer news to him.
  world.setNow('2027-03-01T08:00:00+08:00');
  const bobPermit = unwrap(await applyService(world, BOB.openid, 'permit'));
  expect((await runAt('2027-03-01T09:00:00+08:00')).created).toBe(1);
  expect(await dated()).toContain(`permit_open:${aliceKey}:2027-03-01`);
  expect((await dated()).filter((id) => id.startsWith('permit_open'))).toHaveLength(1);
  expect((await runAt('2027-03-02T09:00:00+08:00')).created).toBe(0);

  // Alice's card is ready on 3月1日 (reminded on 3月8日 and 3月31日); Bob's is collected at once.
  world.setNow('2027-03-01T10:00:00+08:00');
  const alicePermit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  for (const id of [alicePermit.id, bobPermit.id]) {
    await approve(id);
    unwrap(await world.staff(YUELU, 'markReady', { id }, rid()));
  }
  unwrap(await world.staff(YUELU, 'markCollected', { id: bobPermit.id, idCardChecked: true }, rid()));
  unwrap(await world.call(ALICE.openid, 'recordSubscriptions', { results: { pickup_reminder: 'accept' } }));

  expect((await runAt('2027-03-07T09:00:00+08:00')).created).toBe(0);
  expect(await runAt('2027-03-08T09:00:00+08:00')).toMatchObject({ created: 1, delivered: 1, failed: 0 });
  expect(await dated()).toContain(`pickup_reminder:${alicePermit.id}:2027-03-08`);
  expect((await runAt('2027-03-30T09:00:00+08:00')).created).toBe(0);
  expect((await runAt('2027-03-31T09:00:00+08:00')).created).toBe(1);
  expect((await runAt('2027-04-05T09:00:00+08:00')).created).toBe(0);
  expect((await dated()).filter((id) => id.startsWith('pickup_reminder'))).toEqual([
    `pickup_reminder:${alicePermit.id}:2027-03-08`,
    `pickup_reminder:${alicePermit.id}:2027-03-31`,
  ]);
  const reminder = await world.store.get<NotificationRecord>('notifications', `pickup_reminder:${alicePermit.id}:2027-03-31`);
  expect(reminder).toMatchObject({ status: 'sent', applicationId: alicePermit.id, data: { date3: { value: '2027年3月1日' }, phrase2: { value: '尚未领取' } } });
});

it('after days without runs, catches up with what is still true, and no more', async () => {
  const alice = await declare(world, ALICE);
  await approve(alice.id);
  world.setNow('2027-03-01T10:00:00+08:00');
  const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  await approve(permit.id);
  unwrap(await world.staff(YUELU, 'markReady', { id: permit.id }, rid()));
  // The first run in five weeks: the 30th day's reminder alone; no permit_open, as Alice holds a permit.
  expect((await runAt('2027-04-05T09:00:00+08:00')).created).toBe(1);
  expect(await dated()).toEqual([`pickup_reminder:${permit.id}:2027-03-31`]);
});

it('run twice, or twice at once, creates and sends nothing twice', async () => {
  for (const person of [ALICE, BOB]) await declare(world, person);
  world.setNow('2026-09-20T09:00:00+08:00');
  const { sent, notifier } = recordingNotifier(5);
  const runs = (await Promise.all([trigger(notifier), trigger(notifier)])).map((r) => unwrap(r));
  expect(runs.reduce((n, r) => n + r.created, 0)).toBe(2);
  expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(2);
  expect(unwrap(await trigger(notifier))).toEqual({ created: 0, delivered: 0, failed: 0, pruned: 0 });
  expect(sent.sort()).toEqual([`staff_overdue:${CITY}:2026-09-20`, `staff_overdue:${YUELU}:2026-09-20`]);
  expect(await dated()).toEqual(sent);
});

it('a run cut off halfway and run again creates and sends each notification once, missing none', async () => {
  for (const person of [ALICE, BOB]) await declare(world, person);
  world.setNow('2026-09-20T09:00:00+08:00');
  const { sent, notifier } = recordingNotifier();
  // The function dies at its second write: whatever it had committed stays, the rest never happens.
  const commit = world.store.commit.bind(world.store);
  let writes = 0;
  const cut = jest.spyOn(world.store, 'commit').mockImplementation(async (batch) => {
    if (++writes === 2) throw new Error('the function was stopped');
    return commit(batch);
  });
  expect((await trigger(notifier)).ok).toBe(false);
  cut.mockRestore();
  expect(unwrap(await trigger(notifier)).created).toBeLessThanOrEqual(2);
  expect(unwrap(await trigger(notifier))).toEqual({ created: 0, delivered: 0, failed: 0, pruned: 0 });
  expect(await dated()).toEqual([`staff_overdue:${CITY}:2026-09-20`, `staff_overdue:${YUELU}:2026-09-20`]);
  expect([...sent].sort()).toEqual(await dated());
});

it('creates at most a run’s share, and the next runs resume where it stopped', async () => {
  for (const person of [ALICE, BOB]) await declare(world, person);
  world.setNow('2026-09-20T09:00:00+08:00');
  const notifier: Notifier = { send: async () => 'sent' };
  // One notification a run: the two overdue counts take two runs, and a third finds nothing left.
  const ctx: Context = { ...world.context(''), trigger: true, notifications: { config: { ...DEFAULT_NOTIFICATION_CONFIG, batchSize: 1, runBatches: 1 }, notifier } };
  const runOnce = async () => unwrap(await runFunction('scheduler', ctx, { action: 'run' })) as SchedulerResult;
  expect((await runOnce()).created).toBe(1);
  expect((await runOnce()).created).toBe(1);
  expect((await runOnce()).created).toBe(0);
  expect(await dated()).toEqual([`staff_overdue:${CITY}:2026-09-20`, `staff_overdue:${YUELU}:2026-09-20`]);
});

it('delivers what an earlier delivery left pending, and counts the failures', async () => {
  const alice = await declare(world, ALICE);
  const failing: Notifier = { send: () => Promise.reject(new Error('network down')) };
  const ctx: Context = { ...world.context(YUELU), notifications: { config: DEFAULT_NOTIFICATION_CONFIG, notifier: failing } };
  unwrap(await runFunction('staff', ctx, { action: 'approve', payload: { id: alice.id }, requestId: rid() }));
  expect(unwrap(await trigger(failing))).toEqual({ created: 0, delivered: 0, failed: 1, pruned: 0 });
  unwrap(await world.call(ALICE.openid, 'recordSubscriptions', { results: { review_approved: 'accept' } }));
  expect(unwrap(await trigger())).toEqual({ created: 0, delivered: 1, failed: 0, pruned: 0 });
  expect(await world.store.get<NotificationRecord>('notifications', `review_approved:${alice.id}:000002`)).toMatchObject({ status: 'sent', attempts: 3 });
});

it('is FORBIDDEN to any caller, resident or staff', async () => {
  for (const openid of [ALICE.openid, YUELU, CITY]) {
    expect(await runFunction('scheduler', world.context(openid), { action: 'run' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect(await ids()).toEqual([]);
});
