// recordSubscriptions: what the resident accepted in WeChat's subscription prompt, kept so that nothing is sent they did not accept.
import {
  EVENT_LABELS,
  isNotificationEvent,
  NOTIFICATION_EVENTS,
  SUBSCRIPTION_RESULTS,
  type NotificationEvent,
  type SubscriptionResult,
  type Subscriptions,
} from '../../../miniprogram/domain/notifications';
import { isPlainObject } from '../../../miniprogram/domain/validation';
import type { SubscriptionRecord } from '../../notifications/subscriptions';
import { payloadObject, type ActionDefinition } from '../dispatch';

export const SUBSCRIPTION_MESSAGES = {
  results: `请给出订阅结果：${NOTIFICATION_EVENTS.length} 种消息中的 1 种或多种`,
  event: '含有不存在的消息',
  result: (event: NotificationEvent) => `${EVENT_LABELS[event]}的订阅结果无效`,
};

/**
 * Every bad entry is reported on `results` (field paths are plain names, and event names have underscores),
 * its message naming each event whose result is bad; an unknown key is never echoed back.
 */
export const recordSubscriptions: ActionDefinition<{ results: Subscriptions }, { subscriptions: Subscriptions }, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const raw = p.results;
    // The count is judged before any key is read, so a huge object costs nothing.
    const keys = isPlainObject(raw) ? Object.keys(raw) : [];
    if (!isPlainObject(raw) || keys.length < 1 || keys.length > NOTIFICATION_EVENTS.length) return c.fail('results', SUBSCRIPTION_MESSAGES.results);
    const results: Subscriptions = {};
    const problems: string[] = [];
    for (const key of keys) {
      if (!isNotificationEvent(key)) {
        if (!problems.includes(SUBSCRIPTION_MESSAGES.event)) problems.push(SUBSCRIPTION_MESSAGES.event);
        continue;
      }
      const value = raw[key];
      if (typeof value === 'string' && (SUBSCRIPTION_RESULTS as readonly string[]).includes(value)) results[key] = value as SubscriptionResult;
      else problems.push(SUBSCRIPTION_MESSAGES.result(key));
    }
    return problems.length > 0 ? c.fail('results', problems.join('；')) : { results };
  },
  // Not a writing action (the prompt's answer is the same whenever it is sent again), so a compare-and-set
  // on the version read is what keeps two answers arriving at once from losing one.
  async run(ctx, { results }) {
    const existing = await ctx.store.get<SubscriptionRecord>('subscriptions', ctx.openid);
    const record: SubscriptionRecord = { results: { ...existing?.results, ...results }, updatedAt: ctx.now };
    return {
      data: { subscriptions: record.results },
      writes: [
        existing
          ? { op: 'update', collection: 'subscriptions', id: ctx.openid, version: existing._version, doc: { ...record } }
          : { op: 'create', collection: 'subscriptions', id: ctx.openid, doc: { ...record } },
      ],
    };
  },
};
