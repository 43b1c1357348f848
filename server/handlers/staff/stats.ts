// The staff stats: what came in and what was decided in the caller's districts over the last days, and what
// waits now. Past days are read from the totals the scheduler keeps (a day not yet kept, and today, from that
// day's events through their index), so the cost grows with the days asked, never with the store.
import type { StaffStats, Status } from '../../../miniprogram/domain/contract';
import { addDays, chinaDate } from '../../../miniprogram/domain/dates';
import { DISTRICTS } from '../../../miniprogram/domain/districts';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { isOverdue } from '../../../miniprogram/domain/rules';
import type { Context } from '../../context';
import { addCounts, countDay, medianOf, noCounts, type DayCounts } from '../../dailyTotals';
import { KEPT_DAYS, keptTotals, pastDays } from '../../dailyTotalsKeeping';
import type { ApplicationRecord } from '../../records';
import { pagesOf } from '../../store/pages';
import type { Scalar } from '../../store/types';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { seesDistrict, staffOf } from './access';

interface StatsPayload {
  district?: string;
  days: number;
}

const DEFAULT_DAYS = 30;
const DISTRICT_CODES = DISTRICTS.map((d) => d.code);
const DAYS_MESSAGE = `统计天数应为 1–${KEPT_DAYS} 的整数`;

/** The counts of one district over `days` China days up to today: kept totals where there are, events elsewhere. */
async function countsOver(ctx: Context, district: string, today: string, days: number): Promise<DayCounts> {
  const past = pastDays(today, days - 1);
  const kept = past.length > 0 ? await keptTotals(ctx.store, district, today, past.length) : new Map<string, DayCounts>();
  let counts = await countDay(ctx.store, district, today);
  for (const day of past) counts = addCounts(counts, kept.get(day) ?? (await countDay(ctx.store, district, day)));
  return counts;
}

interface Waiting {
  overdue: number;
  dueToday: number;
  waiting: Partial<Record<Status, number>>;
}

/**
 * What waits for staff now, from the queue's own index of waiting applications (earliest due first). It reads
 * every waiting application of the districts, so it grows with the backlog, not with the store.
 */
async function waitingNow(ctx: Context, filters: Record<string, Scalar>[], today: string): Promise<Waiting> {
  const result: Waiting = { overdue: 0, dueToday: 0, waiting: {} };
  const tomorrow = addDays(today, 1);
  for (const where of filters) {
    for await (const page of pagesOf<ApplicationRecord>(ctx.store, 'applications', { where, orderBy: { field: 'dueOn', direction: 'asc' } })) {
      for (const app of page) {
        result.waiting[app.status] = (result.waiting[app.status] ?? 0) + 1;
        // Overdue as the queue marks it; due today when, by the same rule, it is overdue tomorrow.
        if (isOverdue(app.status, app.dueOn, today)) result.overdue += 1;
        else if (app.dueOn === today && isOverdue(app.status, app.dueOn, tomorrow)) result.dueToday += 1;
      }
    }
  }
  return result;
}

export const stats: ActionDefinition<StatsPayload, StaffStats, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payload === undefined ? {} : payloadObject(c, payload);
    if (!p) return undefined;
    const district = p.district === undefined ? undefined : c.oneOf('district', p.district, DISTRICT_CODES, FIELD_MESSAGES.district);
    let days = DEFAULT_DAYS;
    if (p.days !== undefined) {
      if (typeof p.days === 'number' && Number.isInteger(p.days) && p.days >= 1 && p.days <= KEPT_DAYS) days = p.days;
      else c.fail('days', DAYS_MESSAGE);
    }
    return { days, ...(district ? { district } : {}) };
  },
  async run(ctx, { district, days }) {
    const staff = staffOf(ctx);
    if (district && !seesDistrict(staff, district)) throw new AppError('NOT_FOUND');
    const districts = district ? [district] : staff.districts === 'all' ? DISTRICT_CODES : staff.districts;
    const today = chinaDate(ctx.now);
    let counts = noCounts();
    for (const code of districts) counts = addCounts(counts, await countsOver(ctx, code, today, days));
    // The whole city's waiting applications in one query, not one per district.
    const filters = !district && staff.districts === 'all' ? [{ waiting: true }] : districts.map((code) => ({ waiting: true, district: code }));
    const now = await waitingNow(ctx, filters, today);
    return {
      data: {
        received: counts.received,
        decided: counts.decided,
        overdue: now.overdue,
        dueToday: now.dueToday,
        medianDaysToDecision: medianOf(counts.daysToDecision),
        waiting: now.waiting,
      },
    };
  },
};
