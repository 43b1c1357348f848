// The date rules of the residence permit: when a declaration opens the permit, and review deadlines.
import { addDays, addMonths, chinaDate, daysBetween } from './dates';

/** Residence counted from the declaration before the permit may be applied for. */
export const MONTHS_BEFORE_PERMIT = 6;
/** The permit is issued within 15 days of acceptance (居住证暂行条例). */
export const REVIEW_DAYS = 15;

/** The China-time date a declaration submitted at `instant` counts from. */
export function declaredOnFor(instant: number): string {
  return chinaDate(instant);
}

/** Six calendar months after the first approved declaration (or this one, when none was approved before). */
export function permitOpensOnFor(declaredOn: string): string {
  return addMonths(declaredOn, MONTHS_BEFORE_PERMIT);
}

/** The review deadline: 15 calendar days after the China-time date of the latest (re)submission. */
export function dueOnFor(submittedAt: number): string {
  return addDays(chinaDate(submittedAt), REVIEW_DAYS);
}

/** Days from today until `date`; 0 once it has come. */
export function daysUntil(today: string, date: string): number {
  return Math.max(0, daysBetween(today, date));
}

export function isOverdue(status: string, dueOn: string, today: string): boolean {
  return status === 'pending' && today > dueOn;
}
