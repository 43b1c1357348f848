// The local host's development clock (GET/POST /api/dev/clock), read and moved in China time.
import { addDays, addMonths, chinaDate } from '../../miniprogram/domain/dates';

interface ClockAnswer {
  ok: boolean;
  data?: { now: string };
  error?: { message?: string; fields?: Record<string, string> };
}

async function answer(response: Response): Promise<number> {
  const body = (await response.json()) as ClockAnswer;
  if (!body.ok || !body.data) throw new Error(Object.values(body.error?.fields ?? {})[0] ?? body.error?.message ?? `HTTP ${response.status}`);
  return Date.parse(body.data.now);
}

export async function readClock(): Promise<number> {
  return answer(await fetch('/api/dev/clock', { cache: 'no-store' }));
}

export async function setClock(instant: number): Promise<number> {
  const response = await fetch('/api/dev/clock', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ now: new Date(instant).toISOString() }),
  });
  return answer(response);
}

const chinaTimeOfDay = (instant: number): string => new Date(instant + 8 * 3600 * 1000).toISOString().slice(11, 23);
const atChinaTime = (date: string, timeOfDay: string): number => Date.parse(`${date}T${timeOfDay}+08:00`);

/** The same China time of day, `months` calendar months later (08-31 → 02-28, as the rules count). */
export function monthsLater(instant: number, months: number): number {
  return atChinaTime(addMonths(chinaDate(instant), months), chinaTimeOfDay(instant));
}

export const sixMonthsLater = (instant: number): number => monthsLater(instant, 6);

/** The same China time of day, `days` calendar days later. */
export function daysLater(instant: number, days: number): number {
  return atChinaTime(addDays(chinaDate(instant), days), chinaTimeOfDay(instant));
}

/** 09:00 China time of the next day: when the scheduler's daily run is due, so a walk through the year meets every run. */
export function nextNineOClock(instant: number): number {
  return atChinaTime(addDays(chinaDate(instant), 1), '09:00:00.000');
}
