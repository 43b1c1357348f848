// The steps every service goes through, and what the flow keeps on the phone between visits.
import type { ApplicationKind, Overview, ReissueReason, ServiceState } from '../../domain/contract';
import { REISSUE_REASONS } from '../../domain/contract';
import { KIND_LABELS } from '../../domain/labels';
import { daysUntil } from '../../domain/rules';
import type { UploadLists } from '../../components/material-uploads/model';
import { clearDraft, loadDraft, saveDraft } from '../../utils/drafts';
import { longDate } from '../../utils/format';

export const STEPS = [{ text: '身份核验' }, { text: '阅读须知' }, { text: '信息自检' }, { text: '上传材料' }, { text: '确认提交' }];
export const STEP = { identity: 0, notice: 1, form: 2, uploads: 3, confirm: 4, done: 5 } as const;

/** Which entry of the overview's services answers whether a service is open. */
export const SERVICE_ENTRY: Readonly<Record<ApplicationKind, keyof Overview['services']>> = {
  declaration: 'declare',
  permit: 'permit',
  voucher: 'voucher',
  reissue: 'reissue',
};

export function serviceOf(value: string | undefined): ApplicationKind {
  return (Object.keys(KIND_LABELS) as ApplicationKind[]).find((k) => k === value) ?? 'declaration';
}

/** Why a service cannot be applied for now, as the page says it: the server's reason, and the date it opens with the days left. */
export interface Closed {
  reason: string;
  opensOn: string;
  daysLeft: number;
}

export function closedOf(reason: string, opensOn: string | undefined, today: string): Closed {
  return { reason, opensOn: opensOn ? longDate(opensOn) : '', daysLeft: opensOn ? daysUntil(today, opensOn) : 0 };
}

export function closedByState(state: ServiceState, today: string): Closed | null {
  return state.open ? null : closedOf(state.reason ?? '暂不能办理', state.opensOn, today);
}

/** Uploaded photos and a replacement's reason survive leaving the page; the form's own draft lives with the form. */
export interface FlowDraft {
  uploads: UploadLists;
  reason?: ReissueReason;
}

const flowKey = (service: ApplicationKind) => `flow:${service}`;

export function loadFlow(service: ApplicationKind): FlowDraft {
  const stored = loadDraft<FlowDraft>(flowKey(service));
  const reason = REISSUE_REASONS.find((r) => r === stored?.reason);
  return { uploads: (stored?.uploads as UploadLists) ?? {}, ...(reason ? { reason } : {}) };
}

export function saveFlow(service: ApplicationKind, flow: FlowDraft): void {
  saveDraft(flowKey(service), flow);
}

/** After a successful submission nothing of the draft is kept. */
export function forgetFlow(service: ApplicationKind): void {
  clearDraft(flowKey(service));
  clearDraft(service);
}

/** The step that holds a field the server refused. */
export function stepOfField(path: string): number {
  if (path.startsWith('materials')) return STEP.uploads;
  if (['applicant', 'residence', 'contact', 'reason'].some((part) => path.startsWith(part))) return STEP.form;
  if (path.startsWith('consent')) return STEP.notice;
  return STEP.confirm;
}
