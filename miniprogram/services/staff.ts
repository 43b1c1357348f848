// The staff function's calls, typed by the contract map: the queue, the full application, and each decision.
import type { ApplicationKind, CorrectionItem, PickupProof, StaffGrant, Status } from '../domain/contract';
import { call } from './transport';

export type { PickupProof } from '../domain/contract';

export interface QueueFilter {
  status?: Status;
  kind?: ApplicationKind;
  /** A name, ID digits, an application id or a pickup code: found in every status. */
  query?: string;
}

export const staff = {
  queue: (filter: QueueFilter, cursor?: string) => call('staff', 'queue', { ...filter, ...(cursor ? { cursor } : {}) }),
  /** The one answer with the full ID number; the server records every call as a view. */
  getApplication: (id: string) => call('staff', 'getApplication', { id }),
  approve: (id: string, note: string, requestId: string) => call('staff', 'approve', { id, ...(note ? { note } : {}) }, requestId),
  requestCorrection: (id: string, items: CorrectionItem[], requestId: string) => call('staff', 'requestCorrection', { id, items }, requestId),
  reject: (id: string, reasons: string[], requestId: string) => call('staff', 'reject', { id, reasons }, requestId),
  markReady: (id: string, requestId: string) => call('staff', 'markReady', { id }, requestId),
  markCollected: (id: string, proof: PickupProof, requestId: string) => call('staff', 'markCollected', { id, ...proof }, requestId),
  /** The template id of the daily overdue count, as the server is configured. */
  subscriptionTemplates: () => call('staff', 'subscriptionTemplates'),
  /** The caller's own staff record: who is signed in, and whether they may manage staff. */
  profile: () => call('staff', 'profile'),
  /** Supervisors: give or change a staff role of their own districts. */
  grantStaff: (grant: StaffGrant, requestId: string) => call('staff', 'grantStaff', grant, requestId),
  /** Supervisors: take a staff role of their own districts. */
  revokeStaff: (openid: string, requestId: string) => call('staff', 'revokeStaff', { openid }, requestId),
  /** Received, decided, overdue, due today and the median days to decision; a district of the caller's, or all of them. */
  stats: (district?: string, days?: number) => call('staff', 'stats', { ...(district ? { district } : {}), ...(days ? { days } : {}) }),
};
