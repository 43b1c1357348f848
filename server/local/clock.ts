// The local host's clock: real time shifted by an offset the developer sets, so it runs on from the set instant.

export interface DevClock {
  now(): number;
  set(instant: number): void;
}

export function devClock(startAt?: number, realNow: () => number = Date.now): DevClock {
  let offset = startAt === undefined ? 0 : startAt - realNow();
  return {
    now: () => realNow() + offset,
    set(instant) {
      offset = instant - realNow();
    },
  };
}

/** The first and the last instant the development clock accepts: China-time years 2000 to 2199. */
const EARLIEST = Date.UTC(2000, 0, 1) - 8 * 3600_000;
const LATEST = Date.UTC(2200, 0, 1) - 8 * 3600_000 - 1;

export const CLOCK_RANGE_MESSAGE = '请用 ISO-8601 时间（2000 年至 2199 年），如 2026-09-01T00:30:00+08:00';

/** An ISO-8601 instant within the years the clock accepts, or null: the rest would break date arithmetic. */
export function clockInstant(value: unknown): number | null {
  const instant = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(instant) && instant >= EARLIEST && instant <= LATEST ? instant : null;
}
