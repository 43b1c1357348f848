// One district's counts of one China day — first submissions, staff decisions and how many days each decision
// took — counted from that day's events through their index, and kept per past day as a `totals` document so
// the staff stats read a document per day, never the events of the store.
import { isDecision, type EventRecord } from './records';
import { pagesOf } from './store/pages';
import type { Store } from './store/types';

export interface DayCounts {
  received: number;
  decided: number;
  /** How many decisions took each number of calendar days since the first submission, by that number. */
  daysToDecision: Record<string, number>;
}

export interface DailyTotalsRecord extends DayCounts {
  district: string;
  day: string;
}

/** Keyed by district and day, so a day is kept at most once however many runs keep it at the same time. */
export function totalsId(district: string, day: string): string {
  return `${district}:${day}`;
}

export function noCounts(): DayCounts {
  return { received: 0, decided: 0, daysToDecision: {} };
}

export function addCounts(into: DayCounts, more: DayCounts): DayCounts {
  const daysToDecision = { ...into.daysToDecision };
  for (const [days, count] of Object.entries(more.daysToDecision)) daysToDecision[days] = (daysToDecision[days] ?? 0) + count;
  return { received: into.received + more.received, decided: into.decided + more.decided, daysToDecision };
}

/** The counts of one district's day, read a bounded page at a time: the cost is that day's events, not the store's. */
export async function countDay(store: Store, district: string, day: string): Promise<DayCounts> {
  let counts = noCounts();
  for await (const page of pagesOf<EventRecord>(store, 'events', { where: { district, day }, orderBy: { field: 'at', direction: 'asc' } })) {
    for (const event of page) counts = addCounts(counts, countsOf(event));
  }
  return counts;
}

function countsOf(event: EventRecord): DayCounts {
  if (event.type === 'id_viewed') return noCounts();
  if (event.from === null) return { ...noCounts(), received: 1 };
  if (!isDecision(event) || event.daysToDecision === undefined) return noCounts();
  return { received: 0, decided: 1, daysToDecision: { [String(event.daysToDecision)]: 1 } };
}

/** The median of the counted days (the mean of the middle two when their number is even); null when none. */
export function medianOf(histogram: Record<string, number>): number | null {
  const entries = Object.entries(histogram)
    .map(([days, count]) => [Number(days), count] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const nth = (index: number): number => {
    let seen = 0;
    for (const [days, count] of entries) {
      seen += count;
      if (index < seen) return days;
    }
    throw new RangeError('median index beyond the histogram');
  };
  return total % 2 === 1 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}
