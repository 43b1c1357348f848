// The steps every service goes through, what the flow keeps on the phone between visits, and what its result screen shows.
import type { ApplicationKind, ApplicationView, ErrorBody, Overview, ReissueReason, ServiceState } from '../../domain/contract';
import { REISSUE_REASONS, isCard, isCollected } from '../../domain/contract';
import { KIND_LABELS } from '../../domain/labels';
import { EVENT_LABELS, type NotificationEvent } from '../../domain/notifications';
import { pickupAddressFor, pickupPlaceFor } from '../../domain/pickupPlaces';
import type { UploadLists } from '../../components/material-uploads/model';
import { clearDraft, loadDraft, saveDraft } from '../../utils/drafts';
import { feeText, longDate } from '../../utils/format';

export const STEPS = [{ text: '身份核验' }, { text: '阅读须知' }, { text: '信息自检' }, { text: '上传材料' }, { text: '确认提交' }];
export const STEP = { identity: 0, notice: 1, form: 2, uploads: 3, confirm: 4, done: 5 } as const;

/** Where the person is now: a ring, not Vant's default tick, which reads as done. */
export const CURRENT_STEP_ICON = 'circle';

/**
 * The step bar at `step`: the steps done carry the tick, the current one the ring (the bar's active icon),
 * the ones ahead a plain dot. With large text the titles no longer fit side by side, so that bar is untitled.
 */
export function stepBar(step: number): { steps: { text: string; inactiveIcon?: string }[]; untitledSteps: { text: string; inactiveIcon?: string }[] } {
  const mark = (index: number) => (index < step ? { inactiveIcon: 'checked' } : {});
  return {
    steps: STEPS.map(({ text }, index) => ({ text, ...mark(index) })),
    untitledSteps: STEPS.map((_, index) => ({ text: '', ...mark(index) })),
  };
}

/** Which entry of the overview's services answers whether a service is open. */
export const SERVICE_ENTRY: Readonly<Record<ApplicationKind, keyof Overview['services']>> = {
  declaration: 'declare',
  permit: 'permit',
  voucher: 'voucher',
  reissue: 'reissue',
  endorsement: 'endorse',
};

export function serviceOf(value: string | undefined): ApplicationKind {
  return (Object.keys(KIND_LABELS) as ApplicationKind[]).find((k) => k === value) ?? 'declaration';
}

/**
 * Why a service cannot be applied for now, as the page says it: the server's reason (which, with a date,
 * already says the days left) and the date it opens.
 */
export interface Closed {
  reason: string;
  opensOn: string;
}

export function closedOf(reason: string, opensOn: string | undefined): Closed {
  return { reason, opensOn: opensOn ? longDate(opensOn) : '' };
}

export function closedByState(state: ServiceState): Closed | null {
  return state.open ? null : closedOf(state.reason ?? '暂不能办理', state.opensOn);
}

/** Uploaded photos and a replacement's reason survive leaving the page; the form's own draft lives with the form. */
export interface FlowDraft {
  uploads: UploadLists;
  reason?: ReissueReason;
  /**
   * The request id of a submission sent and not yet answered: the server may have stored it although
   * the phone never heard back, and only the same id, even after the app restarts, gets its answer.
   */
  requestId?: string;
}

const flowKey = (service: ApplicationKind) => `flow:${service}`;

export function loadFlow(service: ApplicationKind): FlowDraft {
  const stored = loadDraft<FlowDraft>(flowKey(service));
  const reason = REISSUE_REASONS.find((r) => r === stored?.reason);
  const requestId = typeof stored?.requestId === 'string' ? stored.requestId : '';
  return { uploads: (stored?.uploads as UploadLists) ?? {}, ...(reason ? { reason } : {}), ...(requestId ? { requestId } : {}) };
}

export function saveFlow(service: ApplicationKind, flow: FlowDraft): void {
  saveDraft(flowKey(service), flow);
}

/** After a successful submission nothing of the draft is kept. */
export function forgetFlow(service: ApplicationKind): void {
  clearDraft(flowKey(service));
  clearDraft(service);
}

/**
 * Where a verification leads: on to the notice, or, when the server refused an expired or used token
 * at submission, straight back to confirm — everything else is still as the person left it — unless a
 * declaration is now verified for another person, whose form must be checked again from the notice on.
 */
export function stepAfterVerified(resumeAt: number | null, declaring: boolean, before: { name: string; idNumber: string }, now: { name: string; idNumber: string }): number {
  const samePerson = !declaring || (before.name === now.name && before.idNumber === now.idNumber);
  return resumeAt !== null && samePerson ? resumeAt : STEP.notice;
}

/** The step that holds a field the server refused. */
export function stepOfField(path: string): number {
  if (path.startsWith('materials')) return STEP.uploads;
  if (['applicant', 'residence', 'contact', 'reason'].some((part) => path.startsWith(part))) return STEP.form;
  if (path.startsWith('consent')) return STEP.notice;
  return STEP.confirm;
}

/**
 * What follows a submission the server refused: the service shown as closed with the server's date, or
 * a message and the way on — verify again (an expired or used token), choose the reason again (the card
 * was reported lost meanwhile: the one reason this page can send that the server refuses), or the step
 * holding the first refused field.
 */
export type Refusal = { closed: Closed } | { say: string; reverify?: true; chooseReason?: true; step?: number };

export function refusalOf({ code, message, fields, opensOn }: ErrorBody): Refusal {
  if (code === 'NOT_ELIGIBLE' || code === 'CONFLICT') return { closed: closedOf(message, opensOn) };
  const say = fields ? Object.values(fields)[0] : message;
  if (code === 'VERIFICATION_FAILED') return { say, reverify: true };
  if (fields?.reason) return { say, chooseReason: true };
  return fields ? { say, step: Math.min(...Object.keys(fields).map(stepOfField)) } : { say };
}

/** A replacement for a lost card was submitted: the old card is now recorded as lost. */
export const LOST_CARD_NOTE = '已登记挂失，即使找回也不能再使用';

/** What the result screen shows after a submission. */
export function resultOf(app: ApplicationView) {
  return {
    id: app.id,
    declaredOn: app.declaredOn ? longDate(app.declaredOn) : '',
    permitOpensOn: app.permitOpensOn ? longDate(app.permitOpensOn) : '',
    provisional: !!app.permitOpensOnProvisional,
    dueOn: longDate(app.dueOn),
    // Every result but a declaration or an endorsement (which takes effect when approved) is collected in
    // person, at the place the district decides.
    place: isCollected(app.kind) ? pickupPlaceFor(app.district).name : '',
    address: isCollected(app.kind) ? pickupAddressFor(app.district) : '',
    placeNote: isCollected(app.kind) ? `${isCard(app.kind) ? '制证完成后' : '办好后'}，凭“我的办件”中的领取码本人领取` : '',
    fee: app.fee !== undefined ? feeText(app.fee) : '',
    // Submitting a replacement for a lost card is what reports it lost (api.md): said here, where it happens.
    lost: app.kind === 'reissue' && app.reason === 'lost' ? LOST_CARD_NOTE : '',
  };
}

/**
 * What the result screen says of the review's outcome: a message is promised only for what the person accepted in the
 * prompt (one-time subscriptions: nothing else can be sent); whatever is not promised is found in 我的办件.
 */
export function reviewNote(reviewDays: number, asked: readonly NotificationEvent[], accepted: readonly NotificationEvent[]): string {
  const head = `公安机关将在 ${reviewDays} 日内完成审核，`;
  const promised = asked.filter((event) => accepted.includes(event));
  if (promised.length > 0 && promised.length === asked.length) return `${head}结果会通过服务通知告诉您。`;
  if (promised.length > 0) return `${head}${promised.map((event) => EVENT_LABELS[event]).join('、')}会通过服务通知发给您，进度可在“我的办件”查看。`;
  return `${head}可在“我的办件”查看进度。`;
}
