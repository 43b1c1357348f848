// The clock as the panel shows it and reads it back when typed: China time, as people in China write it.
import { chinaDate, chinaDateTime } from '../../miniprogram/domain/dates';

/** "2026-09-01 08:30" (China time): how the panel shows the clock, and what its input holds. */
export const showChinaTime = (instant: number): string => chinaDateTime(instant);

/** The input's format, said where it is typed: a date input would follow the browser's locale (09/01/2026, 09:00 AM). */
export const CLOCK_INPUT_FORMAT = 'YYYY-MM-DD HH:mm';

export const toClockInput = (instant: number): string => chinaDateTime(instant);

/**
 * China time typed as "2026-09-01 08:30" (a "T" or seconds are taken too; digits may go unpadded, as in
 * "2026-9-1 8:30"), or NaN when it is not a real date and time: 2026-02-30 is refused, not rolled over.
 */
export function fromClockInput(value: string): number {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(value);
  if (!match) return NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const pad = (n: number) => String(n).padStart(2, '0');
  const instant = Date.parse(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`);
  // Date.parse rolls 02-30 over to 03-02 in some engines: the date read back must be the one typed.
  return Number.isNaN(instant) || chinaDate(instant) !== `${year}-${pad(month)}-${pad(day)}` ? NaN : instant;
}
