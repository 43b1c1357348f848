// Statuses as the staff side of the counter reads them: what each application waits for next.
import type { ApplicationKind, Status } from '../domain/contract';

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export function staffStatus(status: Status, kind: ApplicationKind): { label: string; tagType: TagType } {
  switch (status) {
    case 'pending':
      return { label: '待审核', tagType: 'primary' };
    case 'correction_requested':
      return { label: '待申请人补正', tagType: 'warning' };
    case 'approved':
      // An approved declaration is done; an approved card still has to be made.
      return kind === 'declaration' ? { label: '已通过', tagType: 'success' } : { label: '待制证', tagType: 'primary' };
    case 'ready':
      return { label: '待领取', tagType: 'success' };
    case 'collected':
      return { label: '已领取', tagType: 'default' };
    case 'rejected':
      return { label: '未通过', tagType: 'danger' };
    case 'withdrawn':
      return { label: '已撤回', tagType: 'default' };
    default:
      return { label: '已更新', tagType: 'default' };
  }
}
