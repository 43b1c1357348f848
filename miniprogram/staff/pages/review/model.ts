// The review screen's view model: the application in full (the one screen with the whole ID number),
// its timeline with who did each step, the decisions its status allows, and server errors per form.
import type { ApplicationKind, CorrectionItem, StaffApplication, StaffTimelineEntry, Status } from '../../../domain/contract';
import { changeRows, type ChangeRow } from './changes';
import { chinaDateTime } from '../../../domain/dates';
import { districtName } from '../../../domain/districts';
import { correctableItems, correctionLine } from '../../../domain/corrections';
import { DUE_LABEL, fieldLabel, KIND_LABELS } from '../../../domain/labels';
import { canTransition } from '../../../domain/states';
import { cardRows, materialRows, personRows, residenceRows, type ResolveUrl, type Row } from '../../../utils/applicationRows';
import { longDate } from '../../../utils/format';
import { staffStatus } from '../../status';

export interface TimelineRow {
  key: string;
  /** An ID-number view is listed small and grey: it is an audit trace, not a step. */
  view: boolean;
  title: string;
  meta: string;
  lines: string[];
}

export interface Allowed {
  approve: boolean;
  correct: boolean;
  reject: boolean;
  ready: boolean;
  collect: boolean;
  /** Any of approve, correct, reject: the review decisions, shown as one row of buttons. */
  review: boolean;
  any: boolean;
}

export interface ReviewModel {
  kind: ApplicationKind;
  title: string;
  status: string;
  overdue: boolean;
  facts: Row[];
  person: Row[];
  residence: Row[];
  materials: { label: string; urls: string[] }[];
  /** A resubmission under review: what changed since the correction was asked (empty otherwise). */
  changes: ChangeRow[];
  timeline: TimelineRow[];
  allowed: Allowed;
  /** The items a correction request may name for this application. */
  correctable: string[];
  /** What the application waits for when no decision is open to staff. */
  waiting: string;
  /** The applicant's name and the service, as the confirmations name them. */
  applicantName: string;
  /** 确定通过李晓梅的居住信息申报吗？ */
  approveQuestion: string;
}

const STEP_TITLES: Record<Status, string> = {
  pending: '提交申请',
  correction_requested: '要求补正',
  approved: '审核通过',
  rejected: '不予通过',
  ready: '证件已制作',
  collected: '证件已领取',
  withdrawn: '申请人撤回',
  superseded: '由新的申报取代',
};

const WAITING: Partial<Record<Status, string>> = {
  correction_requested: '已要求补正，等待申请人重新提交；也可以不予通过。',
  collected: '证件已交付，办理完毕。',
  rejected: '已不予通过，办理结束。',
  withdrawn: '申请人已撤回，办理结束。',
  superseded: '这份申报已由申请人新的申报取代。',
};

/** Who did a step: an officer by name and badge number (李强（警号 CS02001）), never by account. */
export function actorName(actor: StaffTimelineEntry['actor']): string {
  if (actor.role === 'staff') {
    if (!actor.name) return '工作人员';
    return actor.badge ? `${actor.name}（警号 ${actor.badge}）` : actor.name;
  }
  return actor.role === 'owner' ? '申请人' : '系统';
}

/** The latest view's minute; with its date too when it fell on another day than the first. */
function lastViewText(first: number, last: number): string {
  const [firstDay] = chinaDateTime(first).split(' ');
  const [lastDay, lastTime] = chinaDateTime(last).split(' ');
  return lastDay === firstDay ? lastTime : `${lastDay} ${lastTime}`;
}

function statusRow(entry: StaffTimelineEntry, index: number): TimelineRow {
  const status = entry.status ?? 'pending';
  const title = status === 'pending' && entry.from ? '重新提交' : STEP_TITLES[status];
  const lines = [
    // A note that only repeats the step (the server's default '审核通过') is not shown twice.
    ...(entry.note && entry.note !== title ? [entry.note] : []),
    ...(entry.items ?? []).map(correctionLine),
    ...(entry.reasons ?? []).map((r, n) => `理由${n + 1}：${r}`),
  ];
  return { key: `s${index}`, view: false, title, meta: `${chinaDateTime(entry.at)} · ${actorName(entry.actor)}`, lines };
}

/**
 * The timeline with who did each step. Views of the full ID number stay on the record but read as one
 * quiet line per run of views by the same person (the server already counts a short session's views in
 * one entry), so reopening the screen does not bury the steps: 查看完整身份号码 3 次（最后 10:42）.
 */
export function timelineRows(entries: StaffTimelineEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let run: { actor: string; first: number; last: number; count: number } | null = null;
  const closeRun = (index: number) => {
    if (!run) return;
    const times = run.count === 1 ? '' : ` ${run.count} 次（最后 ${lastViewText(run.first, run.last)}）`;
    rows.push({ key: `v${index}`, view: true, title: `查看完整身份号码${times}`, meta: `${chinaDateTime(run.first)} · ${run.actor}`, lines: [] });
    run = null;
  };
  entries.forEach((entry, index) => {
    if (entry.type !== 'id_viewed') {
      closeRun(index);
      rows.push(statusRow(entry, index));
      return;
    }
    const actor = actorName(entry.actor);
    const count = Math.max(1, entry.count ?? 1);
    const last = Math.max(entry.at, entry.lastAt ?? entry.at);
    if (run && run.actor === actor) {
      run.count += count;
      run.last = Math.max(run.last, last);
      return;
    }
    closeRun(index);
    run = { actor, first: entry.at, last, count };
  });
  closeRun(entries.length);
  return rows;
}

export function allowedActions(kind: ApplicationKind, status: Status): Allowed {
  const can = (to: Status) => canTransition(kind, status, to, 'staff');
  const allowed = { approve: can('approved'), correct: can('correction_requested'), reject: can('rejected'), ready: can('ready'), collect: can('collected') };
  return { ...allowed, review: allowed.approve || allowed.correct || allowed.reject, any: Object.values(allowed).some(Boolean) };
}

export function reviewModel(app: StaffApplication, resolveUrl: ResolveUrl): ReviewModel {
  const { label } = staffStatus(app.status, app.kind);
  const facts: Row[] = [
    { label: '提交时间', value: chinaDateTime(app.submittedAt) },
    { label: DUE_LABEL, value: longDate(app.dueOn) },
    { label: '所属辖区', value: districtName(app.district) },
  ];
  if (app.declaredOn) facts.push({ label: '申报日期', value: longDate(app.declaredOn) });
  facts.push(...cardRows(app));
  const { applicant: a, residence: r } = app;
  return {
    kind: app.kind,
    title: KIND_LABELS[app.kind],
    status: label,
    overdue: app.overdue,
    facts,
    person: personRows(a, a.idNumber),
    residence: residenceRows(r),
    materials: materialRows(app.materials, resolveUrl),
    changes: app.status === 'pending' ? changeRows(app.timeline, resolveUrl) : [],
    timeline: timelineRows(app.timeline),
    allowed: allowedActions(app.kind, app.status),
    correctable: correctableItems(app),
    waiting: app.status === 'approved' && app.kind === 'declaration' ? '申报已通过，办理完毕。' : (WAITING[app.status] ?? ''),
    applicantName: a.name,
    approveQuestion: `确定通过${a.name}的${KIND_LABELS[app.kind]}吗？`,
  };
}

/** A correction request's field errors, keyed by the item they concern ('' for the request as a whole). */
export function correctionErrors(fields: Record<string, string>, sent: CorrectionItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^items\.(\d+)\./.exec(path);
    const item = match ? sent[Number(match[1])]?.item : undefined;
    errors[item ?? ''] = message;
  }
  return errors;
}

/** The items of a correction request by name, for the confirmation. */
export function correctionSummary(items: CorrectionItem[]): string {
  return items.map((i) => fieldLabel(i.item)).join('、');
}
