// The staff function's calls, typed by the contract: the queue, the full application, and each decision.
import type { ApplicationKind, CorrectionItem, Page, Result, StaffApplication, StaffDecision, StaffQueueItem, Status } from '../domain/contract';
import { call } from './transport';

export interface QueueFilter {
  status?: Status;
  kind?: ApplicationKind;
}

/** How a card is handed over: the resident's pickup code, or an ID card checked in person (recorded). */
export type PickupProof = { pickupCode: string } | { idCardChecked: true };

export const staff = {
  queue: (filter: QueueFilter, cursor?: string): Promise<Result<Page<StaffQueueItem>>> =>
    call('staff', 'queue', { ...filter, ...(cursor ? { cursor } : {}) }),
  /** The one answer with the full ID number; the server records every call as a view. */
  getApplication: (id: string): Promise<Result<StaffApplication>> => call('staff', 'getApplication', { id }),
  approve: (id: string, note: string, requestId: string) =>
    call<StaffDecision>('staff', 'approve', { id, ...(note ? { note } : {}) }, requestId),
  requestCorrection: (id: string, items: CorrectionItem[], requestId: string) =>
    call<StaffDecision>('staff', 'requestCorrection', { id, items }, requestId),
  reject: (id: string, reasons: string[], requestId: string) => call<StaffDecision>('staff', 'reject', { id, reasons }, requestId),
  markReady: (id: string, requestId: string) => call<StaffDecision>('staff', 'markReady', { id }, requestId),
  markCollected: (id: string, proof: PickupProof, requestId: string) =>
    call<StaffDecision>('staff', 'markCollected', { id, ...proof }, requestId),
};
