// Applications as staff see them: the queue's rows, and the full record with its event log.
import type { ResubmissionChange, StaffApplication, StaffDecision, StaffQueueItem, StaffTimelineEntry } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { maskIdNumber } from '../../../miniprogram/domain/idNumber';
import { isOverdue } from '../../../miniprogram/domain/rules';
import type { Context } from '../../context';
import type { ApplicationRecord, EventRecord, ItemChange, ViewRecord } from '../../records';
import type { Doc } from '../../store/types';
import { linkedMaterials, linkerFor, materialFileIds, residentView, type FileLinker } from '../../views';
import { actorNamer, type ActorNamer } from './actors';

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
    // Only a status change writes updatedAt, so while a correction is asked it is the moment it was asked.
    ...(app.status === 'correction_requested' ? { askedOn: chinaDate(app.updatedAt) } : {}),
  };
}

/** The answer to a decision on `app`, now in its new state. */
export function decidedApplication(app: Doc<ApplicationRecord>, now: number): StaffDecision {
  const { permitOpensOn: _opens, permitOpensOnProvisional: _provisional, ...view } = residentView(app, [], now);
  return { ...view, ...queueItem(app, now) };
}

/** A resubmission's change as staff read it: a material's files each with its link. */
function changeEntry(change: ItemChange, link: FileLinker): ResubmissionChange {
  return {
    item: change.item,
    ...(change.before !== undefined ? { before: change.before } : {}),
    ...(change.after !== undefined ? { after: change.after } : {}),
    ...(change.added ? { added: change.added.map(link) } : {}),
    ...(change.removed ? { removed: change.removed.map(link) } : {}),
  };
}

function statusEntry(e: Doc<EventRecord>, name: ActorNamer, link: FileLinker): StaffTimelineEntry {
  return {
    type: e.type ?? 'status',
    at: e.at,
    actor: name(e.actor),
    from: e.from,
    status: e.to,
    ...(e.type === 'id_viewed' ? { count: 1, lastAt: e.at } : {}),
    ...(e.note ? { note: e.note } : {}),
    ...(e.items ? { items: e.items } : {}),
    ...(e.reasons ? { reasons: e.reasons } : {}),
    ...(e.changes ? { changes: e.changes.map((c) => changeEntry(c, link)) } : {}),
  };
}

function viewEntry(v: Doc<ViewRecord>, name: ActorNamer): StaffTimelineEntry {
  return { type: 'id_viewed', at: v.at, actor: name(v.actor), count: v.count ?? 1, lastAt: v.lastAt ?? v.at };
}

/** Status changes and ID-number views in the order they happened: each view after the status it saw. */
function staffTimeline(events: Doc<EventRecord>[], views: Doc<ViewRecord>[], name: ActorNamer, link: FileLinker): StaffTimelineEntry[] {
  const changes = events.map((e) => ({ seq: e.seq, rank: e.type ? 1 : 0, entry: statusEntry(e, name, link) }));
  const seen = views.map((v) => ({ seq: v.seq, rank: 1, entry: viewEntry(v, name) }));
  return [...changes, ...seen].sort((a, b) => a.seq - b.seq || a.rank - b.rank || a.entry.at - b.entry.at).map((item) => item.entry);
}

/** The files resubmissions added or removed: the timeline links them with the materials. */
function changedFileIds(events: Doc<EventRecord>[]): string[] {
  return events.flatMap((e) => (e.changes ?? []).flatMap((c) => [...(c.added ?? []), ...(c.removed ?? [])]));
}

/** The one staff response with the full ID number; the caller records the view in the event log. */
export async function fullApplication(app: Doc<ApplicationRecord>, events: Doc<EventRecord>[], views: Doc<ViewRecord>[], ctx: Context): Promise<StaffApplication> {
  const view = residentView(app, [], ctx.now);
  const { permitOpensOn: _opens, permitOpensOnProvisional: _provisional, ...rest } = view;
  const [link, name] = await Promise.all([
    linkerFor(ctx, [...materialFileIds(app), ...changedFileIds(events)]),
    actorNamer(ctx, [...events.map((e) => e.actor), ...views.map((v) => v.actor)]),
  ]);
  return {
    ...rest,
    applicant: { ...view.applicant, idNumber: app.applicant.idNumber },
    materials: linkedMaterials(app, link),
    timeline: staffTimeline(events, views, name, link),
  };
}
