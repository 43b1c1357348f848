// A seeded pseudo-random source for the benchmark's data: the same seed gives the same store, so two runs
// compare the code, not two different mixtures.
import { ID_ALPHABET } from '../server/ids';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** One of the keys, with the chance of each proportional to its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
  chance(p: number): boolean;
  /** `length` characters of the server's id alphabet, as randomId() makes them. */
  id(length?: number): string;
  /** A whole number of milliseconds within [minDays, maxDays] days. */
  days(minDays: number, maxDays: number): number;
}

export const DAY_MS = 24 * 3600 * 1000;

/** mulberry32: tiny, fast, and good enough for a data mixture. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  // The cumulative weights of each table, computed once per table.
  const tables = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
      let table = tables.get(weights);
      if (!table) {
        const keys = Object.keys(weights);
        let total = 0;
        const cumulative = keys.map((k) => (total += (weights as Record<string, number>)[k]));
        table = { keys, cumulative, total };
        tables.set(weights, table);
      }
      const x = next() * table.total;
      let i = 0;
      while (table.cumulative[i] <= x) i++;
      return table.keys[i] as T;
    },
    chance: (p) => next() < p,
    id(length = 20) {
      let out = '';
      for (let i = 0; i < length; i++) out += ID_ALPHABET[Math.floor(next() * 32)];
      return out;
    },
    days: (minDays, maxDays) => Math.floor((minDays + next() * (maxDays - minDays)) * DAY_MS),
  };
}
