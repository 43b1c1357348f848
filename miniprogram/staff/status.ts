// Statuses as the staff side of the counter reads them: what each application waits for next.
import type { ApplicationKind, Status } from '../domain/contract';
import { STATUS_TAGS, type TagType } from '../utils/statusTags';

const STAFF_LABELS: Readonly<Record<Status, string>> = {
  pending: '待审核',
  correction_requested: '待申请人补正',
  approved: '已通过',
  ready: '待领取',
  collected: '已领取',
  rejected: '未通过',
  withdrawn: '已撤回',
  superseded: '已更新',
};

export function staffStatus(status: Status, kind: ApplicationKind): { label: string; tagType: TagType } {
  // An approved declaration is done; an approved card still has to be made, which waits for staff.
  if (status === 'approved' && kind !== 'declaration') return { label: '待制证', tagType: 'primary' };
  return { label: STAFF_LABELS[status], tagType: STATUS_TAGS[status] };
}
