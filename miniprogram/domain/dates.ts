// Calendar dates in China time. China has kept UTC+8 without daylight saving since 1991, so a fixed
// offset is exact; all arithmetic runs on UTC fields, so the process time zone never leaks in.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The China-time calendar date ('YYYY-MM-DD') of an instant in epoch milliseconds. */
export function chinaDate(instant: number): string {
  return new Date(instant + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China-time date and minute of an instant, e.g. '2026-09-01 00:30'. */
export function chinaDateTime(instant: number): string {
  return new Date(instant + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Reads a 'YYYY-MM-DD' date strictly: 2026-02-30 and 2026-2-3 are not dates. */
export function parseDate(text: string): Ymd | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isDate(text: unknown): text is string {
  return typeof text === 'string' && parseDate(text) !== null;
}

export function formatDate({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function mustParse(date: string): Ymd {
  const ymd = parseDate(date);
  if (!ymd) throw new RangeError(`not a calendar date: ${date}`);
  return ymd;
}

/** Adds calendar months; a day past the end of the target month clamps to its last day (08-31 + 6 → 02-28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = mustParse(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = mustParse(from);
  const b = mustParse(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** 'YYYY-MM-DD' strings compare correctly as text; this names the intent. */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}
