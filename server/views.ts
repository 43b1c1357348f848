// How stored applications are shown to their owner: the ID number masked, derived dates filled in.
import type { ApplicationDetail, ApplicationView, FileLink, TimelineEntry } from '../miniprogram/domain/contract';
import { chinaDate } from '../miniprogram/domain/dates';
import { permitOpensOnOf, wasApproved, type HistoryItem } from '../miniprogram/domain/eligibility';
import { birthDateOf, maskIdNumber, sexOf } from '../miniprogram/domain/idNumber';
import { isOverdue } from '../miniprogram/domain/rules';
import { pickupPlaceFor } from '../miniprogram/domain/pickupPlaces';
import type { Context } from './context';
import type { ApplicationRecord, EventRecord, ViewRecord } from './records';
import type { Doc, Store } from './store/types';

/** The most applications one person can have that matter for their dates and eligibility. */
export const HISTORY_LIMIT = 200;

export function historyItem(app: Doc<ApplicationRecord>): HistoryItem {
  return {
    id: app._id,
    kind: app.kind,
    status: app.status,
    submittedAt: app.submittedAt,
    ...(app.declaredOn ? { declaredOn: app.declaredOn } : {}),
    ...(app.issuedOn ? { issuedOn: app.issuedOn } : {}),
    ...(app.reportedLostAt !== undefined ? { reportedLostOn: chinaDate(app.reportedLostAt) } : {}),
    // A settled endorsement moves no further, so its last change is the day it was decided.
    ...(app.kind === 'endorsement' && isSettled(app.status) ? { decidedOn: chinaDate(app.updatedAt) } : {}),
  };
}

function isSettled(status: Doc<ApplicationRecord>['status']): boolean {
  return status === 'approved' || status === 'rejected' || status === 'withdrawn';
}

/** The caller's own applications, newest first. */
export async function historyOf(ctx: Context): Promise<Doc<ApplicationRecord>[]> {
  return ctx.store.find<ApplicationRecord>('applications', {
    where: { ownerOpenid: ctx.openid },
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: HISTORY_LIMIT,
  });
}

/** One person's applications, found by their ID number's key, in the order they were submitted. */
export function historyOfPerson(store: Store, idHash: string, direction: 'asc' | 'desc'): Promise<Doc<ApplicationRecord>[]> {
  return store.find<ApplicationRecord>('applications', { where: { idHash }, orderBy: { field: 'submittedAt', direction }, limit: HISTORY_LIMIT });
}

export function residentView(app: Doc<ApplicationRecord>, history: HistoryItem[], now: number): ApplicationView {
  const { applicant } = app;
  const view: ApplicationView = {
    id: app._id,
    kind: app.kind,
    status: app.status,
    submittedAt: app.submittedAt,
    updatedAt: app.updatedAt,
    dueOn: app.dueOn,
    overdue: isOverdue(app.status, app.dueOn, chinaDate(now)),
    district: app.district,
    applicant: {
      name: applicant.name,
      idNumberMasked: maskIdNumber(applicant.idNumber),
      birthDate: birthDateOf(applicant.idNumber),
      sex: sexOf(applicant.idNumber),
      ethnicity: applicant.ethnicity,
      mobile: applicant.mobile,
      hukouAddress: applicant.hukouAddress,
    },
    consent: app.consent,
    materials: app.materials,
  };
  if (app.residence) view.residence = app.residence;
  if (app.issuedOn) view.issuedOn = app.issuedOn;
  if (app.reason) view.reason = app.reason;
  if (app.fee !== undefined) view.fee = app.fee;
  if (app.reportedLostAt !== undefined) view.reportedLostOn = chinaDate(app.reportedLostAt);
  if (app.kind === 'declaration' && app.declaredOn) {
    const item = historyItem(app);
    const all = history.some((h) => h.id === app._id) ? history : [...history, item];
    view.declaredOn = app.declaredOn;
    view.permitOpensOn = permitOpensOnOf(item, all);
    view.permitOpensOnProvisional = !all.some(wasApproved);
  }
  return view;
}

/** The status changes of an application, as its owner sees them (staff's views of the ID number are not shown). */
export function timelineOf(events: Doc<EventRecord>[]): TimelineEntry[] {
  return events
    .filter((e) => e.type === undefined)
    .map((e) => ({
      status: e.to,
      at: e.at,
      ...(e.note ? { note: e.note } : {}),
      ...(e.items ? { items: e.items } : {}),
      ...(e.reasons ? { reasons: e.reasons } : {}),
    }));
}

/** An application's status changes in order (a status changes a bounded number of times). */
export function eventsOf(ctx: Context, applicationId: string): Promise<Doc<EventRecord>[]> {
  return ctx.store.find<EventRecord>('events', {
    where: { applicationId },
    orderBy: { field: 'seq', direction: 'asc' },
    limit: 1000,
  });
}

/** How many of the latest ID-number views the staff timeline shows; every view stays recorded. */
export const SHOWN_VIEWS = 50;

/**
 * The latest views that the staff timeline shows with the one being recorded, newest first by when each
 * began: the caller's latest among them is the one a view soon after it is counted on.
 */
export function earlierViewsOf(ctx: Context, applicationId: string): Promise<Doc<ViewRecord>[]> {
  return ctx.store.find<ViewRecord>('views', { where: { applicationId }, orderBy: { field: 'at', direction: 'desc' }, limit: SHOWN_VIEWS - 1 });
}

/** Links a response's files: made by one call of the file-links port for every id it shows. */
export type FileLinker = (fileId: string) => FileLink;

/** Short-lived links to these files, from one call of the file-links port (none when there are no ids). */
export async function linkerFor(ctx: Context, fileIds: string[]): Promise<FileLinker> {
  const ids = [...new Set(fileIds)];
  const links = ids.length > 0 ? await ctx.files.linksFor(ids, ctx.now) : {};
  // A file the storage cannot link keeps its place with an empty link, so the materials stay whole.
  return (fileId) => ({ fileId, url: Object.prototype.hasOwnProperty.call(links, fileId) ? links[fileId] : '' });
}

/** The file ids an application's materials hold, in their order. */
export function materialFileIds(app: Doc<ApplicationRecord>): string[] {
  return Object.values(app.materials).flatMap((value) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []));
}

/** An application's materials, each file with its link. */
export function linkedMaterials(app: Doc<ApplicationRecord>, link: FileLinker): Record<string, FileLink | FileLink[]> {
  const materials: Record<string, FileLink | FileLink[]> = {};
  for (const [field, value] of Object.entries(app.materials)) {
    if (Array.isArray(value)) materials[field] = value.map(link);
    else if (typeof value === 'string') materials[field] = link(value);
  }
  return materials;
}

/** An application's materials with a short-lived link each, from one call of the file-links port. */
export async function fileLinks(app: Doc<ApplicationRecord>, ctx: Context): Promise<Record<string, FileLink | FileLink[]>> {
  return linkedMaterials(app, await linkerFor(ctx, materialFileIds(app)));
}

export async function residentDetail(app: Doc<ApplicationRecord>, history: HistoryItem[], events: Doc<EventRecord>[], ctx: Context): Promise<ApplicationDetail> {
  const detail: ApplicationDetail = { ...residentView(app, history, ctx.now), materials: await fileLinks(app, ctx), timeline: timelineOf(events) };
  if (app.status === 'ready' && app.pickupCode) {
    const { name, ...place } = pickupPlaceFor(app.district);
    detail.pickup = { place: name, ...place, pickupCode: app.pickupCode };
  }
  return detail;
}
