// The local host's outbox (GET /api/dev/outbox) and scheduler (POST /api/dev/scheduler) as the panel shows them.

/** A notification as the outbox route answers it (api.md: "Local host only"). */
export interface OutboxItem {
  id: string;
  event: string;
  openid: string;
  applicationId?: string;
  data: Record<string, { value?: unknown }>;
  page: string;
  createdAt: number;
  status: 'pending' | 'sent' | 'not_subscribed' | 'failed';
}

interface Answer<T> {
  ok: boolean;
  data?: T;
  error?: { message?: string };
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json()) as Answer<T>;
  if (!body.ok || body.data === undefined) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body.data;
}

export async function readOutbox(): Promise<OutboxItem[]> {
  return (await answer<{ items: OutboxItem[] }>(await fetch('/api/dev/outbox', { cache: 'no-store' }))).items;
}

export async function runScheduler(): Promise<{ created: number; delivered: number; failed: number; pruned: number }> {
  return answer(await fetch('/api/dev/scheduler', { method: 'POST' }));
}

export const EVENT_LABELS: Readonly<Record<string, string>> = {
  review_approved: '审核通过',
  review_rejected: '审核未通过',
  correction_requested: '需要补正',
  ready_for_pickup: '可以领取',
  pickup_reminder: '领取提醒',
  permit_open: '可申领居住证',
  endorsement_window_open: '签注开始',
  endorsement_closing: '签注即将截止',
  endorsement_lapsed: '居住证已过签注期',
  staff_overdue: '超期待办',
};

export const STATUS_LABELS: Readonly<Record<OutboxItem['status'], string>> = {
  pending: '待发送',
  sent: '已发送',
  not_subscribed: '未订阅，未发送',
  failed: '发送失败',
};

/** The message as the person would read it: each template field's value, in the template's order. */
export function messageText(item: OutboxItem): string {
  return Object.values(item.data)
    .map((field) => String(field?.value ?? ''))
    .filter((value) => value !== '')
    .join(' · ');
}
