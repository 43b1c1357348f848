// The dated notifications: which are due on or before a day and still true on it. Each source yields drafts
// whose ids are fixed by what they are about, so a run repeated, or two at once, create each one once.
import { isCard } from '../../miniprogram/domain/contract';
import { addDays, chinaDate } from '../../miniprogram/domain/dates';
import { DISTRICTS } from '../../miniprogram/domain/districts';
import { endorsementOf, permitOpensOnOf, whyNot } from '../../miniprogram/domain/eligibility';
import type { StaffRecord } from '../context';
import { queuePlacement, type ApplicationRecord } from '../records';
import { docsOf, WHOLE_COLLECTION } from '../store/pages';
import type { Store } from '../store/types';
import { historyItem, historyOfPerson } from '../views';
import { pickupPlaceText, type NotificationDraft } from './documents';

/** The days after markReady on which a card still waiting is reminded of. */
export const PICKUP_REMINDER_DAYS = [7, 30] as const;

/** One kind of dated notification: the drafts due on or before `today` and still true today. */
export type DatedSource = (store: Store, today: string) => AsyncIterable<NotificationDraft>;

/**
 * The latest reminder due for a card still `ready`: one on the 7th day, one on the 30th. A run that comes
 * after both (days without runs) sends the 30th day's alone: the earlier one says nothing more.
 */
export const pickupReminders: DatedSource = async function* (store, today) {
  for await (const app of docsOf<ApplicationRecord>(store, 'applications', {
    where: { lane: queuePlacement('permit', 'ready').lane },
    orderBy: { field: 'dueOn', direction: 'asc' },
  })) {
    // A ready application changes only by being collected, so its last update is the day of markReady.
    const readyOn = chinaDate(app.updatedAt);
    const due = PICKUP_REMINDER_DAYS.map((days) => addDays(readyOn, days)).filter((day) => day <= today);
    const latest = due[due.length - 1];
    if (!latest) continue;
    yield {
      facts: { event: 'pickup_reminder', kind: app.kind, on: readyOn, place: pickupPlaceText(app.district) },
      openid: app.ownerOpenid,
      subject: app._id,
      occurrence: latest,
      applicationId: app._id,
    };
  }
};

/** The permit opening, for a person whose approved declaration has reached permitOpensOn and who may apply now (none pending or held). */
export const permitOpenings: DatedSource = async function* (store, today) {
  for await (const declaration of docsOf<ApplicationRecord>(store, 'applications', {
    where: { lane: queuePlacement('declaration', 'approved').lane, kind: 'declaration' },
    orderBy: { field: 'dueOn', direction: 'asc' },
  })) {
    const history = (await historyOfPerson(store, declaration.idHash, 'desc')).map(historyItem);
    const opensOn = permitOpensOnOf(historyItem(declaration), history);
    if (opensOn > today || whyNot('permit', history, today) !== null) continue;
    // whyNot already refuses a second permit; this keeps the rule readable where it is applied.
    if (history.some((item) => isCard(item.kind) && ['pending', 'correction_requested', 'approved', 'ready', 'collected'].includes(item.status))) continue;
    yield { facts: { event: 'permit_open', on: opensOn }, openid: declaration.ownerOpenid, subject: declaration.idHash, occurrence: opensOn };
  }
};

/** Each staff member's count of overdue applications in their districts, today (a past day's count is no longer true). */
export const staffOverdue: DatedSource = async function* (store, today) {
  const overdueBy = new Map<string, number>();
  const overdueIn = async (district: string): Promise<number> => {
    const known = overdueBy.get(district);
    if (known !== undefined) return known;
    let count = 0;
    // Earliest due first: the count stops at the first application not yet overdue.
    for await (const app of docsOf<ApplicationRecord>(store, 'applications', {
      where: { lane: queuePlacement('declaration', 'pending').lane, district },
      orderBy: { field: 'dueOn', direction: 'asc' },
    })) {
      if (app.dueOn >= today) break;
      count += 1;
    }
    overdueBy.set(district, count);
    return count;
  };
  for await (const staff of docsOf<StaffRecord>(store, 'staff', WHOLE_COLLECTION)) {
    const districts = staff.districts === 'all' ? DISTRICTS.map((d) => d.code) : staff.districts;
    let count = 0;
    for (const district of districts) count += await overdueIn(district);
    if (count === 0) continue;
    yield { facts: { event: 'staff_overdue', on: today, count }, openid: staff._id, subject: staff._id, occurrence: today };
  }
};

/** The days before a window's last day on which a holder who has not applied is told it is closing. */
export const ENDORSEMENT_CLOSING_DAYS = 7;

/**
 * The yearly endorsement's three reminders, for each holder of a collected card that may be endorsed (not
 * reported lost): the window's first day, the 7th day before its last day while nothing was applied for,
 * and the day the card lapses. Each is keyed by the person and the day it is about, so a replacement card
 * (which keeps the dates) is not told twice, and a run after days without runs sends only what is still true.
 */
export const endorsementReminders: DatedSource = async function* (store, today) {
  const seen = new Set<string>();
  for await (const card of docsOf<ApplicationRecord>(store, 'applications', {
    where: { lane: queuePlacement('permit', 'collected').lane },
    orderBy: { field: 'dueOn', direction: 'asc' },
  })) {
    if (!isCard(card.kind) || seen.has(card.idHash)) continue;
    seen.add(card.idHash);
    const history = (await historyOfPerson(store, card.idHash, 'desc')).map(historyItem);
    const standing = endorsementOf(history, today);
    if (!standing || !standing.canApply) continue;
    const { status, opensOn, closesOn } = standing.endorsement;
    const to = { openid: card.ownerOpenid, subject: card.idHash };
    if (status === 'lapsed') {
      yield { ...to, facts: { event: 'endorsement_lapsed', on: opensOn }, occurrence: opensOn };
    } else if (status === 'window_open' && closesOn) {
      const closingOn = addDays(closesOn, -ENDORSEMENT_CLOSING_DAYS);
      if (today >= closingOn) yield { ...to, facts: { event: 'endorsement_closing', on: closingOn, closesOn }, occurrence: closesOn };
      else yield { ...to, facts: { event: 'endorsement_window_open', on: opensOn, closesOn }, occurrence: opensOn };
    }
  }
};

/** Every source a run asks, in order. */
export const DATED_SOURCES: readonly DatedSource[] = [pickupReminders, permitOpenings, staffOverdue, endorsementReminders];
