// Applications as staff see them: the queue's rows, and the full record with its event log.
import type { StaffApplication, StaffDecision, StaffQueueItem, StaffTimelineEntry } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { maskIdNumber } from '../../../miniprogram/domain/idNumber';
import { isOverdue } from '../../../miniprogram/domain/rules';
import type { Context } from '../../context';
import type { ApplicationRecord, EventRecord, ViewRecord } from '../../records';
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

function statusEntry(e: Doc<EventRecord>): StaffTimelineEntry {
  return {
    type: e.type ?? 'status',
    at: e.at,
    actor: e.actor,
    from: e.from,
    status: e.to,
    ...(e.note ? { note: e.note } : {}),
    ...(e.items ? { items: e.items } : {}),
    ...(e.reasons ? { reasons: e.reasons } : {}),
  };
}

/** Status changes and ID-number views in the order they happened: each view after the status it saw. */
function staffTimeline(events: Doc<EventRecord>[], views: Doc<ViewRecord>[]): StaffTimelineEntry[] {
  const changes = events.map((e) => ({ seq: e.seq, rank: e.type ? 1 : 0, entry: statusEntry(e) }));
  const seen = views.map((v) => ({ seq: v.seq, rank: 1, entry: { type: 'id_viewed' as const, at: v.at, actor: v.actor } }));
  return [...changes, ...seen].sort((a, b) => a.seq - b.seq || a.rank - b.rank || a.entry.at - b.entry.at).map((item) => item.entry);
}

/** The one staff response with the full ID number; the caller records the view in the event log. */
export async function fullApplication(app: Doc<ApplicationRecord>, events: Doc<EventRecord>[], views: Doc<ViewRecord>[], ctx: Context): Promise<StaffApplication> {
  const view = residentView(app, [], ctx.now);
  const { permitOpensOn: _opens, permitOpensOnProvisional: _provisional, ...rest } = view;
  return {
    ...rest,
    applicant: { ...view.applicant, idNumber: app.applicant.idNumber },
    materials: await fileLinks(app, ctx),
    timeline: staffTimeline(events, views),
  };
}
