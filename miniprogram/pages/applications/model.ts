// 我的办件's rows: what each application is, where it stands and the date that matters next.
import type { ApplicationView } from '../../domain/contract';
import { chinaDate } from '../../domain/dates';
import { DUE_LABEL, KIND_LABELS, STATUS_LABELS } from '../../domain/labels';
import { longDate } from '../../utils/format';
import { STATUS_TAGS, type TagType } from '../../utils/statusTags';

/** One line under a row's title: a date kept whole (it never wraps inside), then the words after it. */
export interface DetailLine {
  date: string;
  text: string;
}

export interface ApplicationRow {
  id: string;
  title: string;
  status: string;
  tagType: TagType;
  /** The lines as one phrase, for a screen reader. */
  detail: string;
  /** The submission day, then the review deadline: each on its own line, so a narrow phone never breaks a date. */
  lines: DetailLine[];
}

export function rowOf(app: ApplicationView): ApplicationRow {
  const lines: DetailLine[] = [{ date: longDate(chinaDate(app.submittedAt)), text: '提交' }];
  if (app.status === 'pending') lines.push(app.overdue ? { date: '', text: `已超过${DUE_LABEL}` } : { date: longDate(app.dueOn), text: '前完成审核' });
  return {
    id: app.id,
    title: KIND_LABELS[app.kind],
    status: STATUS_LABELS[app.status],
    tagType: STATUS_TAGS[app.status],
    detail: lines.map((l) => l.date + l.text).join('，'),
    lines,
  };
}
