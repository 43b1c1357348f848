// Statuses as the staff side of the counter reads them: what each application waits for next.
import { isCollected, type ApplicationKind, type Status } from '../domain/contract';
import { CARD_TO_MAKE_LABEL, STAFF_STATUS_LABELS } from '../domain/labels';
import { STATUS_TAGS, type TagType } from '../utils/statusTags';

export function staffStatus(status: Status, kind: ApplicationKind): { label: string; tagType: TagType } {
  // An approved declaration or endorsement is done; an approved card or voucher still has to be made, which waits for staff.
  if (status === 'approved' && isCollected(kind)) return { label: CARD_TO_MAKE_LABEL, tagType: 'primary' };
  return { label: STAFF_STATUS_LABELS[status], tagType: STATUS_TAGS[status] };
}
