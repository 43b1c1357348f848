// The steps every service goes through, and what the flow keeps on the phone between visits.
import type { ApplicationKind, Overview } from '../../domain/contract';
import { KIND_LABELS } from '../../domain/labels';
import type { UploadLists } from '../../components/material-uploads/model';
import { clearDraft, loadDraft, saveDraft } from '../../utils/drafts';

export const STEPS = [{ text: '身份核验' }, { text: '阅读须知' }, { text: '信息自检' }, { text: '上传材料' }, { text: '确认提交' }];
export const STEP = { identity: 0, notice: 1, form: 2, uploads: 3, confirm: 4, done: 5 } as const;

/** Services whose whole flow is built; the others say so instead of offering a dead end. */
export const AVAILABLE: readonly ApplicationKind[] = ['declaration'];

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

/** Uploaded photos survive leaving the page; the form's own draft lives with the form. */
export interface FlowDraft {
  uploads: UploadLists;
}

const flowKey = (service: ApplicationKind) => `flow:${service}`;

export function loadFlow(service: ApplicationKind): FlowDraft {
  const stored = loadDraft<FlowDraft>(flowKey(service));
  return { uploads: (stored?.uploads as UploadLists) ?? {} };
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
  if (path.startsWith('applicant') || path.startsWith('residence')) return STEP.form;
  if (path.startsWith('consent')) return STEP.notice;
  return STEP.confirm;
}
