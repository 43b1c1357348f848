// Subscribe messages: the events api.md lists, each notification's id, and each event's template data fitted to WeChat's field limits.
import type { ApplicationKind } from './contract';
import { parseDate } from './dates';
import { KIND_LABELS } from './labels';

export const NOTIFICATION_EVENTS = [
  'review_approved',
  'review_rejected',
  'correction_requested',
  'ready_for_pickup',
  'pickup_reminder',
  'permit_open',
  'endorsement_window_open',
  'endorsement_closing',
  'endorsement_lapsed',
  'staff_overdue',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return typeof value === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** Each event as a person reads its name, e.g. in a message about their subscriptions. */
export const EVENT_LABELS: Readonly<Record<NotificationEvent, string>> = {
  review_approved: '审核通过通知',
  review_rejected: '审核未通过通知',
  correction_requested: '补正通知',
  ready_for_pickup: '领取通知',
  pickup_reminder: '领取提醒',
  permit_open: '可申领居住证通知',
  endorsement_window_open: '签注开始通知',
  endorsement_closing: '签注截止提醒',
  endorsement_lapsed: '居住证暂停使用通知',
  staff_overdue: '超期办件提醒',
};

/** What wx.requestSubscribeMessage answers for each template, as the resident's phone reports it. */
export const SUBSCRIPTION_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscriptionResult = (typeof SUBSCRIPTION_RESULTS)[number];
export type Subscriptions = Partial<Record<NotificationEvent, SubscriptionResult>>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'not_subscribed', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * A notification's id: what it is about, so whoever creates it twice creates one document. The occurrence
 * tells repeats of one event apart (the application's step, a reminder's day, a window's year, a date).
 */
export function notificationId(event: NotificationEvent, subject: string, occurrence: string | number): string {
  return `${event}:${subject}:${typeof occurrence === 'number' ? String(occurrence).padStart(6, '0') : occurrence}`;
}

/**
 * The parts every message has, whichever template carries them: the service it is about, what happened
 * (a short phrase), the date that matters, and what to do.
 */
export const MESSAGE_SLOTS = ['service', 'status', 'date', 'action'] as const;
export type MessageSlot = (typeof MESSAGE_SLOTS)[number];

/** WeChat's kinds of template field, named by the key's prefix (thing1, phrase2, date3, …). */
export const FIELD_KINDS = ['thing', 'phrase', 'date', 'time', 'character_string', 'number'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const KEY_PATTERN = /^(thing|phrase|date|time|character_string|number)(\d{1,2})$/;

/** The kind of a template key, or null when the key is not one WeChat names. */
export function fieldKindOf(key: string): FieldKind | null {
  const match = KEY_PATTERN.exec(key);
  return match ? (match[1] as FieldKind) : null;
}

/** Which kinds of field may carry each slot: a date needs a date field, a phrase may widen to a thing. */
export const SLOT_KINDS: Readonly<Record<MessageSlot, readonly FieldKind[]>> = {
  service: ['thing'],
  status: ['phrase', 'thing'],
  date: ['date'],
  action: ['thing'],
};

/** WeChat's limits: a thing at most 20 characters, a phrase at most 5 Chinese characters, a string or number at most 32. */
export const FIELD_LIMITS = { thing: 20, phrase: 5, character_string: 32, number: 32 } as const;

/** The facts a message is built from; the date is 'YYYY-MM-DD' in China time. */
export type MessageFacts =
  | { event: 'review_approved'; kind: ApplicationKind; on: string; permitOpensOn?: string }
  | { event: 'review_rejected'; kind: ApplicationKind; on: string }
  | { event: 'correction_requested'; kind: ApplicationKind; on: string; itemCount: number }
  | { event: 'ready_for_pickup' | 'pickup_reminder'; kind: ApplicationKind; on: string; place: string }
  | { event: 'permit_open'; on: string }
  | { event: 'endorsement_window_open'; on: string; closesOn: string }
  | { event: 'endorsement_closing'; on: string; closesOn: string }
  | { event: 'endorsement_lapsed'; on: string }
  | { event: 'staff_overdue'; on: string; count: number };

/** A date as the message reads it: 2027年3月1日. */
export function messageDate(date: string): string {
  const ymd = parseDate(date);
  if (!ymd) throw new Error(`not a date: ${date}`);
  return `${ymd.year}年${ymd.month}月${ymd.day}日`;
}

/** A month and day, for text that must stay short: 3月1日. */
function monthDay(date: string): string {
  const ymd = parseDate(date);
  if (!ymd) throw new Error(`not a date: ${date}`);
  return `${ymd.month}月${ymd.day}日`;
}

/** The text when it fits a thing whole: a place cut short would send people nowhere. */
function fitsThing(text: string): string | undefined {
  return Array.from(text).length <= FIELD_LIMITS.thing ? text : undefined;
}

/** What an approval means for the person: when the permit opens, or that nothing more is needed, or a card to collect. */
function approvedAction(kind: ApplicationKind, permitOpensOn: string | undefined): string {
  if (permitOpensOn) return `${monthDay(permitOpensOn)}起可申领居住证`;
  if (kind === 'declaration') return '申报已生效';
  // An endorsement takes effect when approved: there is nothing to make or collect.
  if (kind === 'endorsement') return '居住证继续有效一年';
  return '制证完成后将通知领取';
}

/** What each event says, slot by slot, before it is fitted to the template's fields. */
export function messageSlots(facts: MessageFacts): Record<MessageSlot, string> {
  const endorsement = '居住证签注';
  switch (facts.event) {
    case 'review_approved':
      return {
        service: KIND_LABELS[facts.kind],
        status: '审核通过',
        date: facts.on,
        action: approvedAction(facts.kind, facts.permitOpensOn),
      };
    case 'review_rejected':
      return { service: KIND_LABELS[facts.kind], status: '未通过', date: facts.on, action: '请查看原因，可重新申请' };
    case 'correction_requested':
      return { service: KIND_LABELS[facts.kind], status: '需补正', date: facts.on, action: `请按提示补正${facts.itemCount}项后提交` };
    case 'ready_for_pickup':
      return { service: KIND_LABELS[facts.kind], status: '待领取', date: facts.on, action: fitsThing(`请到${facts.place}领取`) ?? '请按小程序所示地点领取' };
    case 'pickup_reminder':
      return { service: KIND_LABELS[facts.kind], status: '尚未领取', date: facts.on, action: fitsThing(`请尽快到${facts.place}领取`) ?? '请尽快按小程序所示地点领取' };
    case 'permit_open':
      return { service: KIND_LABELS.permit, status: '可申领', date: facts.on, action: '已满六个月，现在可以申领居住证' };
    case 'endorsement_window_open':
      return { service: endorsement, status: '可签注', date: facts.on, action: `请于${monthDay(facts.closesOn)}前办理签注` };
    case 'endorsement_closing':
      return { service: endorsement, status: '即将截止', date: facts.closesOn, action: `${monthDay(facts.closesOn)}截止，请尽快办理签注` };
    case 'endorsement_lapsed':
      return { service: endorsement, status: '已暂停', date: facts.on, action: '居住证已暂停使用，请尽快办理签注' };
    case 'staff_overdue':
      return { service: '居住证业务审核', status: '有超期', date: facts.on, action: `辖区${facts.count}件已超期，请处理` };
  }
}

const HAN = /\p{Script=Han}/u;

/** Cuts a text to `max` characters (code points), marking the cut with an ellipsis. */
function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A slot's text as a field of this kind holds it; dates must be 'YYYY-MM-DD'. */
export function fitField(kind: FieldKind, value: string): string {
  switch (kind) {
    case 'thing':
      return clip(value, FIELD_LIMITS.thing);
    case 'phrase':
      // WeChat refuses anything but Chinese characters in a phrase.
      return Array.from(value)
        .filter((ch) => HAN.test(ch))
        .slice(0, FIELD_LIMITS.phrase)
        .join('');
    case 'date':
      return messageDate(value);
    case 'time':
      // No slot is a time of day (configuration refuses time keys); a date is what one would carry.
      return messageDate(value);
    case 'character_string':
      return Array.from(value)
        .filter((ch) => /[\x21-\x7e]/.test(ch))
        .slice(0, FIELD_LIMITS.character_string)
        .join('');
    case 'number':
      return (value.match(/\d/g) ?? []).slice(0, FIELD_LIMITS.number).join('');
  }
}

/** The template data as WeChat receives it: `{ thing1: { value }, … }`, keys from configuration. */
export type TemplateData = Record<string, { value: string }>;

/** Builds an event's template data; `keys` maps each slot to its field key (a slot without a key is left out). */
export function templateData(facts: MessageFacts, keys: Partial<Record<MessageSlot, string>>): TemplateData {
  const slots = messageSlots(facts);
  const data: TemplateData = {};
  for (const slot of MESSAGE_SLOTS) {
    const key = keys[slot];
    if (!key) continue;
    const kind = fieldKindOf(key);
    if (!kind) throw new Error(`not a template key: ${key}`);
    data[key] = { value: fitField(kind, slots[slot]) };
  }
  return data;
}
