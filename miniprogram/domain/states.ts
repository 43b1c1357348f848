// The application state machine of api.md: who may move an application from which status to which.
import { COLLECTED_KINDS, type ApplicationKind, type Status } from './contract';

export type Actor = 'owner' | 'staff' | 'system';

interface Transition {
  from: Status;
  to: Status;
  by: Actor;
  /** Kinds the transition is limited to; all kinds when absent. */
  kinds?: readonly ApplicationKind[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'pending', to: 'correction_requested', by: 'staff' },
  { from: 'pending', to: 'approved', by: 'staff' },
  { from: 'pending', to: 'rejected', by: 'staff' },
  { from: 'pending', to: 'withdrawn', by: 'owner' },
  { from: 'correction_requested', to: 'pending', by: 'owner' },
  { from: 'correction_requested', to: 'withdrawn', by: 'owner' },
  { from: 'correction_requested', to: 'rejected', by: 'staff' },
  // A declaration and an endorsement make nothing to collect: approved settles them.
  { from: 'approved', to: 'ready', by: 'staff', kinds: COLLECTED_KINDS },
  { from: 'ready', to: 'collected', by: 'staff' },
  { from: 'approved', to: 'superseded', by: 'system', kinds: ['declaration'] },
];

export function canTransition(kind: ApplicationKind, from: Status, to: Status, by: Actor): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by && (!t.kinds || t.kinds.includes(kind)));
}

export function isPending(status: Status): boolean {
  return status === 'pending' || status === 'correction_requested';
}

/**
 * What the staff queue keeps in view until it is settled: a review, a correction asked of the resident (staff
 * take it up again when it comes back, so it must not drop out of sight meanwhile), and a card or voucher to
 * make or to hand over. Overdue is another matter: only a review waits on staff's own deadline (rules.ts isOverdue).
 */
export function waitsForStaff(kind: ApplicationKind, status: Status): boolean {
  return isPending(status) || ((status === 'approved' || status === 'ready') && COLLECTED_KINDS.includes(kind));
}
