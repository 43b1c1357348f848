// The scheduler's endorsement reminders on a table of dates: the window's first day, the 7th day before its
// last day, the lapse — each once, only while still true, and none for a holder who has applied.
import type { Context } from '../../server/context';
import { runFunction } from '../../server/functions';
import type { NotificationRecord } from '../../server/notifications/types';
import { ALICE, applyService, collectedPermit as collectedPermitOf } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'staff-city';
let world: World;
let request = 0;
const rid = () => `se${++request}`;

beforeEach(async () => {
  world = createWorld('2026-08-31T10:00:00+08:00');
  await world.grant(OFFICER, 'all');
});
afterEach(() => world.close());

async function runAt(iso: string): Promise<void> {
  world.setNow(iso);
  const ctx: Context = { ...world.context(''), trigger: true };
  unwrap(await runFunction('scheduler', ctx, { action: 'run' }));
}

/** The endorsement reminders created so far, as `<event>:<day>`, in the order of their ids. */
async function reminders(): Promise<string[]> {
  const all = await world.store.find<NotificationRecord>('notifications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
  return all.filter((n) => n.event.startsWith('endorsement_')).map((n) => `${n.event}:${n._id.split(':').pop()}`);
}

const collectedPermit = () => collectedPermitOf(world, OFFICER, rid);

it.each([
  ['the day before the window', '2028-02-28', []],
  ['the window’s first day', '2028-02-29', ['endorsement_window_open:2028-02-29']],
  ['the day before closing notice', '2028-03-22', ['endorsement_window_open:2028-02-29']],
  ['the 7th day before the last day', '2028-03-23', ['endorsement_closing:2028-03-30', 'endorsement_window_open:2028-02-29']],
  ['the lapse', '2028-03-31', ['endorsement_closing:2028-03-30', 'endorsement_lapsed:2028-03-31', 'endorsement_window_open:2028-02-29']],
])('walking day by day, on %s (%s) the reminders so far are %j', async (_what, day, expected) => {
  await collectedPermit();
  for (const run of ['2028-02-28', '2028-02-29', '2028-03-10', '2028-03-22', '2028-03-23', '2028-03-24', '2028-03-30', '2028-03-31', '2028-04-01']) {
    if (run > day) break;
    await runAt(`${run}T09:00:00+08:00`);
  }
  expect(await reminders()).toEqual(expected);
});

it('a run after days without runs sends only what is still true: the lapse, not a window long closed', async () => {
  await collectedPermit();
  await runAt('2028-04-05T09:00:00+08:00');
  expect(await reminders()).toEqual(['endorsement_lapsed:2028-03-31']);
  await runAt('2028-04-06T09:00:00+08:00');
  expect(await reminders()).toEqual(['endorsement_lapsed:2028-03-31']);
});

it('tells a holder who has applied nothing more, and starts again with the next year’s window', async () => {
  await collectedPermit();
  await runAt('2028-02-29T09:00:00+08:00');
  world.setNow('2028-03-01T10:00:00+08:00');
  const endorsement = unwrap(await applyService(world, ALICE.openid, 'endorsement'));
  await runAt('2028-03-23T09:00:00+08:00');
  await runAt('2028-03-31T09:00:00+08:00');
  expect(await reminders()).toEqual(['endorsement_window_open:2028-02-29']);
  world.setNow('2028-04-01T10:00:00+08:00');
  unwrap(await world.staff(OFFICER, 'approve', { id: endorsement.id }, rid()));
  await runAt('2029-02-28T09:00:00+08:00');
  expect(await reminders()).toEqual(['endorsement_window_open:2028-02-29', 'endorsement_window_open:2029-02-28']);
});
