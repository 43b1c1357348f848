// The scheduler's part in the staff stats: each district's past days that have no totals yet are counted from
// their events and kept, so the stats read one document per past day. A past day's events no longer change
// (an event is written at the moment it happens), so a day once kept is done.
import { addDays } from '../miniprogram/domain/dates';
import { DISTRICTS } from '../miniprogram/domain/districts';
import { countDay, totalsId, type DailyTotalsRecord } from './dailyTotals';
import { StoreConflict, type Doc, type Store, type Write } from './store/types';

/** How far back the totals are kept: as far as the stats may ask. */
export const KEPT_DAYS = 90;

/** The past days the totals cover, latest first: yesterday back to `count` days ago. */
export function pastDays(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(today, -(i + 1)));
}

/** The kept totals of a district's last `count` past days, by day: one query, at most `count` documents. */
export async function keptTotals(store: Store, district: string, today: string, count: number): Promise<Map<string, Doc<DailyTotalsRecord>>> {
  const earliest = addDays(today, -count);
  // Latest first, from the day before today: days kept before the clock was moved back are passed over.
  const docs = await store.find<DailyTotalsRecord>('totals', {
    where: { district },
    orderBy: { field: 'day', direction: 'desc' },
    limit: count,
    after: { value: today, id: '' },
  });
  return new Map(docs.filter((doc) => doc.day >= earliest).map((doc) => [doc.day, doc]));
}

/**
 * Keeps the missing totals of every district's last KEPT_DAYS past days, at most `limit` days in one run (a
 * cloud function has a time limit; the next run resumes). Answers how many it created. Two runs at once
 * compute the same documents and the keyed create lets only one land: none is counted twice.
 */
export async function keepDailyTotals(store: Store, today: string, limit: number): Promise<number> {
  let created = 0;
  for (const { code: district } of DISTRICTS) {
    if (created >= limit) break;
    const kept = await keptTotals(store, district, today, KEPT_DAYS);
    const missing = pastDays(today, KEPT_DAYS)
      .filter((day) => !kept.has(day))
      .slice(0, limit - created);
    const writes: Write[] = [];
    for (const day of missing) {
      const record: DailyTotalsRecord = { district, day, ...(await countDay(store, district, day)) };
      writes.push({ op: 'create', collection: 'totals', id: totalsId(district, day), doc: { ...record } });
    }
    created += await createAbsent(store, writes);
  }
  return created;
}

/** Creates the documents in one batch; when another run created one of them meanwhile, each of the rest on its own. */
async function createAbsent(store: Store, writes: Write[]): Promise<number> {
  if (writes.length === 0) return 0;
  try {
    await store.commit(writes);
    return writes.length;
  } catch (error) {
    if (!(error instanceof StoreConflict)) throw error;
  }
  let created = 0;
  for (const write of writes) {
    try {
      await store.commit([write]);
      created += 1;
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
    }
  }
  return created;
}
