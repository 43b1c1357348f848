// 我的办件's rows: what each application is, where it stands and the date that matters next.
import type { ApplicationView } from '../../domain/contract';
import { chinaDate } from '../../domain/dates';
import { DUE_LABEL, KIND_LABELS, STATUS_LABELS } from '../../domain/labels';
import { longDate } from '../../utils/format';
import { STATUS_TAGS, type TagType } from '../../utils/statusTags';

export interface ApplicationRow {
  id: string;
  title: string;
  status: string;
  tagType: TagType;
  detail: string;
}

export function rowOf(app: ApplicationView): ApplicationRow {
  const parts = [`${longDate(chinaDate(app.submittedAt))}提交`];
  if (app.status === 'pending') parts.push(app.overdue ? `已超过${DUE_LABEL}` : `${longDate(app.dueOn)}前审核完毕`);
  return {
    id: app.id,
    title: KIND_LABELS[app.kind],
    status: STATUS_LABELS[app.status],
    tagType: STATUS_TAGS[app.status],
    detail: parts.join(' · '),
  };
}
