// The staff queue's view model: the filter menus and each row as a reviewer scans it.
import { APPLICATION_KINDS, type ApplicationKind, type StaffQueueItem, type Status } from '../../../domain/contract';
import { districtName } from '../../../domain/districts';
import { CARD_TO_MAKE_LABEL, DUE_LABEL, KIND_LABELS, STAFF_STATUS_LABELS } from '../../../domain/labels';
import type { QueueFilter } from '../../../services/staff';
import { longDate } from '../../../utils/format';
import { staffStatus } from '../../status';
import type { TagType } from '../../../utils/statusTags';

export interface Option {
  text: string;
  value: string;
}

/**
 * '' is the server's default: everything waiting for staff or the resident (pending reviews, corrections asked, cards to make, cards to hand over).
 * Five characters at most, so the filter's title fits half a 320 px screen in large text.
 */
export const STATUS_OPTIONS: Option[] = [
  { text: '全部待处理', value: '' },
  ...(['pending', 'correction_requested', 'approved', 'ready', 'collected', 'rejected', 'withdrawn'] as const).map((status) => ({
    // Approved, the queue lists only cards and vouchers still to make: a settled declaration waits for no one.
    text: status === 'approved' ? CARD_TO_MAKE_LABEL : STAFF_STATUS_LABELS[status],
    value: status,
  })),
];

export const KIND_OPTIONS: Option[] = [{ text: '全部类型', value: '' }, ...APPLICATION_KINDS.map((kind) => ({ text: KIND_LABELS[kind], value: kind }))];

export function filterOf(status: string, kind: string): QueueFilter {
  return { ...(status ? { status: status as Status } : {}), ...(kind ? { kind: kind as ApplicationKind } : {}) };
}

export interface QueueRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  tagType: TagType;
  identity: string;
  due: string;
  overdue: boolean;
  /** What a screen reader says for the row: everything it shows, in reading order. */
  label: string;
}

export function queueRow(item: StaffQueueItem): QueueRow {
  const { label: status, tagType } = staffStatus(item.status, item.kind);
  const row = {
    id: item.id,
    name: item.applicantName,
    kind: KIND_LABELS[item.kind],
    status,
    tagType,
    identity: `${item.idNumberMasked} · ${districtName(item.district)}`,
    // Waiting for the applicant, the review clock does not run: the day it was sent back says how long they have had.
    due: item.askedOn ? `${longDate(item.askedOn)}要求补正` : `${DUE_LABEL} ${longDate(item.dueOn)}`,
    overdue: item.overdue,
  };
  const spoken = [row.name, row.kind, row.status, row.overdue ? '已超期' : '', row.identity, row.due];
  return { ...row, label: spoken.filter(Boolean).join('，') };
}
