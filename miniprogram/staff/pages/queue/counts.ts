// The counts above the queue: what waits now, by status, and the deadlines that press today.
import type { StaffStats, Status } from '../../../domain/contract';
import { CARD_TO_MAKE_LABEL, STAFF_STATUS_LABELS } from '../../../domain/labels';

export interface CountTile {
  key: string;
  label: string;
  count: number;
  /** The status filter a tap applies; '' when no filter shows these (overdue, due today). */
  status: string;
  /** Drawn in the danger colour when not zero: a deadline passed or passing. */
  urgent: boolean;
  /** What a screen reader says: the label, the number, and what a tap does. */
  spoken: string;
}

const WAITING_STATUSES: { status: Status; label: string }[] = [
  { status: 'pending', label: STAFF_STATUS_LABELS.pending },
  { status: 'correction_requested', label: STAFF_STATUS_LABELS.correction_requested },
  { status: 'approved', label: CARD_TO_MAKE_LABEL },
  { status: 'ready', label: STAFF_STATUS_LABELS.ready },
];

export function countTiles(stats: StaffStats): CountTile[] {
  const waiting = WAITING_STATUSES.map(({ status, label }) => {
    const count = stats.waiting[status] ?? 0;
    return { key: status, label, count, status, urgent: false, spoken: `${label} ${count} 件，点按只看这些，再点按看全部` };
  });
  const deadlines = [
    { key: 'overdue', label: '已超期', count: stats.overdue },
    { key: 'dueToday', label: '今日到期', count: stats.dueToday },
  ].map((tile) => ({ ...tile, status: '', urgent: tile.count > 0, spoken: `${tile.label} ${tile.count} 件` }));
  return [...waiting, ...deadlines];
}
