// How a view of a full ID number is recorded: an officer who opens the same application again soon
// after, while it stands as they saw it, is counted on their latest view, so the timeline shows one entry
// per sitting, not one per tap.
import type { ActorRecord, ApplicationRecord, ViewRecord } from '../../records';
import type { Doc, Write } from '../../store/types';

/** Views by the same officer within this long of their latest view's first one count on that view. */
export const VIEW_SESSION_MS = 30 * 60 * 1000;

/** A way to record this view: its write, and the views the timeline then shows (newest first). */
export interface ViewRecording {
  write: Write;
  shown: Doc<ViewRecord>[];
}

/**
 * The recording of a view at `now` by `actor`, given the latest views read (newest first): `joined` counts it
 * on the officer's latest view when that began less than VIEW_SESSION_MS ago at the status the application
 * still has (null otherwise: a view after a status change sits after that change in the timeline); `created`
 * records it as a view of its own, the way taken when the join's compare-and-set loses to a concurrent one.
 */
export function recordingsOf(
  app: Doc<ApplicationRecord>,
  earlier: Doc<ViewRecord>[],
  actor: ViewRecord['actor'],
  now: number,
  viewId: string,
): { joined: ViewRecording | null; created: ViewRecording } {
  const view: ViewRecord = { applicationId: app._id, seq: app._version, at: now, actor };
  const created: ViewRecording = {
    write: { op: 'create', collection: 'views', id: viewId, doc: { ...view } },
    shown: [{ ...view, _id: viewId, _version: 1 }, ...earlier],
  };
  const latest = earlier.find((v) => sameOfficer(v.actor, actor));
  if (!latest || latest.seq !== app._version || now - latest.at >= VIEW_SESSION_MS || now < latest.at) return { joined: null, created };
  const { _id, _version, ...fields } = latest;
  const counted: ViewRecord = { ...fields, count: (latest.count ?? 1) + 1, lastAt: now };
  const joined: ViewRecording = {
    write: { op: 'update', collection: 'views', id: _id, version: _version, doc: { ...counted } },
    shown: earlier.map((v) => (v._id === _id ? { ...counted, _id, _version: _version + 1 } : v)),
  };
  return { joined, created };
}

function sameOfficer(a: ActorRecord, b: ActorRecord): boolean {
  return a.openid !== undefined && a.openid === b.openid;
}
