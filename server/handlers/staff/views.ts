// Applications as staff see them: the queue's rows, and the full record with its event log.
import type { StaffApplication, StaffDecision, StaffQueueItem, StaffTimelineEntry } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { maskIdNumber } from '../../../miniprogram/domain/idNumber';
import { isOverdue } from '../../../miniprogram/domain/rules';
import type { Context } from '../../context';
import type { ApplicationRecord, EventRecord } from '../../records';
import type { Doc } from '../../store/types';
import { fileLinks, residentView } from '../../views';

export function queueItem(app: Doc<ApplicationRecord>, now: number): StaffQueueItem {
  return {
    id: app._id,
    kind: app.kind,
    status: app.status,
    applicantName: app.applicant.name,
    idNumberMasked: maskIdNumber(app.applicant.idNumber),
    district: app.district,
    submittedAt: app.submittedAt,
    dueOn: app.dueOn,
    overdue: isOverdue(app.status, app.dueOn, chinaDate(now)),
  };
}

/** The answer to a decision on `app`, now in its new state. */
export function decidedApplication(app: Doc<ApplicationRecord>, now: number): StaffDecision {
  const { permitOpensOn: _opens, permitOpensOnProvisional: _provisional, ...view } = residentView(app, [], now);
  return { ...view, ...queueItem(app, now) };
}

function staffTimeline(events: Doc<EventRecord>[]): StaffTimelineEntry[] {
  return events.map((e) => ({
    type: e.type ?? 'status',
    at: e.at,
    actor: e.actor,
    from: e.from,
    status: e.to,
    ...(e.note ? { note: e.note } : {}),
    ...(e.items ? { items: e.items } : {}),
    ...(e.reasons ? { reasons: e.reasons } : {}),
  }));
}

/** The one staff response with the full ID number; the caller records the view in the event log. */
export async function fullApplication(app: Doc<ApplicationRecord>, events: Doc<EventRecord>[], ctx: Context): Promise<StaffApplication> {
  const view = residentView(app, [], ctx.now);
  const { permitOpensOn: _opens, permitOpensOnProvisional: _provisional, ...rest } = view;
  return {
    ...rest,
    applicant: { ...view.applicant, idNumber: app.applicant.idNumber },
    materials: await fileLinks(app, ctx),
    timeline: staffTimeline(events),
  };
}
