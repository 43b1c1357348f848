// The staff stats: first submissions and decisions over the last China days and their median days to decision,
// what waits now, the same answer whether the scheduler has kept the past days' totals or not (and no more
// events read once it has), runs that never count a day twice, and old events given their district and day.
import type { ApplicationView, SchedulerResult, StaffStats } from '../../miniprogram/domain/contract';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import type { Context } from '../../server/context';
import type { DailyTotalsRecord } from '../../server/dailyTotals';
import { runFunction } from '../../server/functions';
import { EVENT_PLACES_MARKER, migrateEventPlaces } from '../../server/migrations/eventPlaces';
import type { EventRecord } from '../../server/records';
import type { Doc, Store } from '../../server/store/types';
import { ALICE, applyService, BOB, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu'; // 430104
const FURONG = 'staff-furong'; // 430102
const CITY = 'staff-city';
const DISTRICT_COUNT = 9;

let world: World;
let request = 0;
const rid = () => `st${++request}`;
let serial = 0;

function person(): { openid: string; name: string; idNumber: string } {
  const n = ++serial;
  const first17 = `43010419900${1 + (n % 9)}1${n % 10}${String(100 + n).padStart(3, '0')}`;
  return { openid: `resident-${n}`, name: '测试', idNumber: first17 + checkDigit(first17) };
}

async function stats(officer: string, payload?: Record<string, unknown>): Promise<StaffStats> {
  return unwrap(await world.staff<StaffStats>(officer, 'stats', payload));
}

function trigger(): Promise<SchedulerResult> {
  const ctx: Context = { ...world.context(''), trigger: true };
  return (runFunction('scheduler', ctx, { action: 'run' }) as Promise<{ ok: true; data: SchedulerResult }>).then(unwrap);
}

async function allOf<T>(store: Store, collection: 'totals' | 'events'): Promise<Doc<T>[]> {
  return store.find<T>(collection, { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
}

/** Records the days of the events' queries the handlers make. */
function recordEventDays(store: Store): { days: string[]; restore: () => void } {
  const { find } = store;
  const days: string[] = [];
  store.find = (async (...args: Parameters<Store['find']>) => {
    if (args[0] === 'events' && typeof args[1].where.day === 'string') days.push(args[1].where.day);
    return find.apply(store, args);
  }) as Store['find'];
  return { days, restore: () => (store.find = find) };
}

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
  await world.grant(FURONG, ['430102']);
  await world.grant(CITY, 'all');
});
afterEach(() => world.close());

describe('a week of declarations', () => {
  let late: ApplicationView;

  beforeEach(async () => {
    // 09-01: three declarations in 岳麓区, one in 芙蓉区.
    const residents = [person(), person(), person()];
    const [a, b, c] = [await declare(world, residents[0]), await declare(world, residents[1]), await declare(world, residents[2])];
    await declare(world, person(), { residence: { district: '430102' } });
    world.setNow('2026-09-03T09:00:00+08:00');
    unwrap(await world.staff(YUELU, 'approve', { id: a.id }, rid())); // 2 days
    world.setNow('2026-09-05T23:30:00+08:00');
    unwrap(await world.staff(YUELU, 'reject', { id: b.id, reasons: ['证明材料不清晰'] }, rid())); // 4 days
    unwrap(await world.staff(YUELU, 'requestCorrection', { id: c.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, rid()));
    world.setNow('2026-09-06T08:00:00+08:00');
    unwrap(await world.call(residents[2].openid, 'resubmit', { id: c.id, applicant: { mobile: '13900139000' } }, rid())); // not a new submission
    world.setNow('2026-09-08T00:10:00+08:00');
    unwrap(await world.staff(YUELU, 'approve', { id: c.id }, rid())); // 7 days, counted from the first submission
    late = await declare(world, person());
  });

  const windows: [number | undefined, Partial<StaffStats>][] = [
    [undefined, { received: 4, decided: 3, medianDaysToDecision: 4 }],
    [1, { received: 1, decided: 1, medianDaysToDecision: 7 }],
    [3, { received: 1, decided: 1, medianDaysToDecision: 7 }],
    [4, { received: 1, decided: 2, medianDaysToDecision: 5.5 }],
    [8, { received: 4, decided: 3, medianDaysToDecision: 4 }],
    [90, { received: 4, decided: 3, medianDaysToDecision: 4 }],
  ];

  it.each(windows)('counts the last %p days (undefined: the default 30) of 岳麓区 by China day, today included', async (days, expected) => {
    expect(await stats(YUELU, days === undefined ? undefined : { days })).toMatchObject(expected);
  });

  it('answers the same before and after the scheduler kept the totals, reading only today’s events after', async () => {
    const before = await Promise.all(windows.map(([days]) => stats(CITY, days === undefined ? {} : { days })));
    await trigger();
    const totals = await allOf<DailyTotalsRecord>(world.store, 'totals');
    expect(totals).toHaveLength(DISTRICT_COUNT * 90);
    expect(totals.find((t) => t._id === '430104:2026-09-01')).toMatchObject({ district: '430104', day: '2026-09-01', received: 3, decided: 0, daysToDecision: {} });
    expect(totals.find((t) => t._id === '430104:2026-09-05')).toMatchObject({ received: 0, decided: 1, daysToDecision: { '4': 1 } });
    expect(totals.find((t) => t._id === '430102:2026-09-01')).toMatchObject({ received: 1, decided: 0 });
    expect(totals.some((t) => t.day === '2026-09-08')).toBe(false); // today is never kept

    const { days, restore } = recordEventDays(world.store);
    const after = await Promise.all(windows.map(([d]) => stats(CITY, d === undefined ? {} : { days: d })));
    restore();
    expect(after).toEqual(before);
    expect(new Set(days)).toEqual(new Set(['2026-09-08']));
    expect(before[0]).toMatchObject({ received: 5, decided: 3, medianDaysToDecision: 4 });
  });

  it('keeps each day once, however many runs keep it, and adds the day that has just passed', async () => {
    const before = await stats(YUELU, { days: 90 });
    await Promise.all([trigger(), trigger()]);
    await trigger();
    expect(await allOf(world.store, 'totals')).toHaveLength(DISTRICT_COUNT * 90);
    expect(await stats(YUELU, { days: 90 })).toEqual(before);

    world.setNow('2026-09-09T08:00:00+08:00');
    await trigger();
    const totals = await allOf<DailyTotalsRecord>(world.store, 'totals');
    expect(totals).toHaveLength(DISTRICT_COUNT * 91);
    expect(totals.find((t) => t._id === '430104:2026-09-08')).toMatchObject({ received: 1, decided: 1, daysToDecision: { '7': 1 } });
    expect(await stats(YUELU, { days: 2 })).toMatchObject({ received: 1, decided: 1, medianDaysToDecision: 7 });
  });

  it('counts what waits now: by status, overdue and due today', async () => {
    expect(await stats(YUELU)).toMatchObject({ waiting: { pending: 1 }, overdue: 0, dueToday: 0 });
    expect(await stats(CITY)).toMatchObject({ waiting: { pending: 2 }, overdue: 0, dueToday: 0 });
    world.setNow('2026-09-16T10:00:00+08:00'); // 芙蓉区's declaration of 09-01 is due today
    expect(await stats(CITY)).toMatchObject({ overdue: 0, dueToday: 1 });
    expect(await stats(FURONG, { district: '430102' })).toMatchObject({ waiting: { pending: 1 }, overdue: 0, dueToday: 1 });
    world.setNow('2026-09-23T10:00:00+08:00'); // and the late one of 09-08 now
    expect(await stats(CITY)).toMatchObject({ overdue: 1, dueToday: 1 });
    world.setNow('2026-09-24T10:00:00+08:00');
    expect(await stats(CITY)).toMatchObject({ waiting: { pending: 2 }, overdue: 2, dueToday: 0 });
    expect(await stats(YUELU)).toMatchObject({ overdue: 1, dueToday: 0 });
    expect(late.status).toBe('pending');
  });

  it('answers one district of the caller’s, and another district as not found', async () => {
    expect(await stats(CITY, { district: '430102', days: 30 })).toEqual({ received: 1, decided: 0, overdue: 0, dueToday: 0, medianDaysToDecision: null, waiting: { pending: 1 } });
    expect(await stats(CITY, { district: '430104' })).toMatchObject({ received: 4, decided: 3 });
    expect(await world.staff(YUELU, 'stats', { district: '430102' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.staff(ALICE.openid, 'stats', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives old events, written without their district and day, both once, and answers as before', async () => {
    const before = await stats(CITY, { days: 30 });
    const events = await allOf<EventRecord>(world.store, 'events');
    // As a store written before the fields existed held them.
    await world.store.commit(
      events.map(({ _id, _version, district: _district, day: _day, daysToDecision: _days, ...fields }) => ({
        op: 'update' as const,
        collection: 'events' as const,
        id: _id,
        version: _version,
        doc: fields,
      })),
    );
    expect(await stats(CITY, { days: 30 })).toMatchObject({ received: 0, decided: 0 });
    expect(await migrateEventPlaces(world.store)).toBe(events.length);
    expect(await world.store.get('meta', EVENT_PLACES_MARKER)).not.toBeNull();
    expect(await stats(CITY, { days: 30 })).toEqual(before);
    const placed = await allOf<EventRecord>(world.store, 'events');
    expect(placed.map(({ _version, ...e }) => e)).toEqual(events.map(({ _version, ...e }) => e));
    expect(await migrateEventPlaces(world.store)).toBe(0);
  });
});

it('counts a card approved and waiting to be made by its status', async () => {
  world.setNow('2026-08-31T10:00:00+08:00');
  const declaration = await declare(world, ALICE);
  unwrap(await world.staff(YUELU, 'approve', { id: declaration.id }, rid()));
  world.setNow('2027-02-28T10:00:00+08:00');
  const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  await declare(world, BOB);
  unwrap(await world.staff(YUELU, 'approve', { id: permit.id }, rid()));
  expect(await stats(YUELU, { days: 1 })).toEqual({ received: 2, decided: 1, overdue: 0, dueToday: 0, medianDaysToDecision: 0, waiting: { approved: 1, pending: 1 } });
});

it('answers nothing counted as zeros and a null median', async () => {
  expect(await stats(YUELU)).toEqual({ received: 0, decided: 0, overdue: 0, dueToday: 0, medianDaysToDecision: null, waiting: {} });
});

it.each([
  [{ days: 0 }, 'days'],
  [{ days: 91 }, 'days'],
  [{ days: 1.5 }, 'days'],
  [{ days: '30' }, 'days'],
  [{ district: '999999' }, 'district'],
  [{ district: 430104 }, 'district'],
])('names the bad field of %j', async (payload, field) => {
  const result = await world.staff(YUELU, 'stats', payload);
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(Object.keys((result as { ok: false; error: { fields: Record<string, string> } }).error.fields)).toEqual([field]);
});

it('reports every bad field at once, and a payload that is not an object', async () => {
  const both = await world.staff(YUELU, 'stats', { district: 'x', days: -1 });
  expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { district: expect.any(String), days: expect.any(String) } } });
  expect(await world.staff(YUELU, 'stats', 'x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
});
