// Subscribe messages from the phone's side: the template ids the server is configured with, loaded once per launch, and
// the prompt, asked from inside a tap, whose answer is recorded on the server.
import type { SubscriptionTemplates } from '../domain/api';
import type { ApplicationKind } from '../domain/contract';
import { SUBSCRIPTION_RESULTS, type NotificationEvent, type SubscriptionResult, type Subscriptions } from '../domain/notifications';
import { resident } from './resident';
import { staff } from './staff';

/** Whose templates a page needs: a resident's events, or the staff's overdue count. */
export type Audience = 'resident' | 'staff';

/** WeChat shows at most three templates in one prompt. */
export const MAX_PER_PROMPT = 3;

const DECIDED: readonly NotificationEvent[] = ['review_approved', 'review_rejected', 'correction_requested'];
const COLLECTED: readonly NotificationEvent[] = ['ready_for_pickup', 'correction_requested', 'review_rejected'];

/**
 * The three outcomes of a review worth a message, by service. Where the approval is the result (a declaration: it
 * starts the six months) it is asked for; for what is collected in person the message that matters is 待领取, and the
 * approval before it changes nothing the person must do, so it gives way. A rejection and a correction need action.
 */
export function reviewEvents(kind: ApplicationKind): readonly NotificationEvent[] {
  return kind === 'permit' || kind === 'voucher' || kind === 'reissue' ? COLLECTED : DECIDED;
}

/** What one prompt did: whether it was shown, and the events the person accepted in it. */
export interface SubscriptionAnswer {
  /** False when nothing was shown: the ids were not loaded yet, or WeChat refused to show the prompt. */
  asked: boolean;
  accepted: NotificationEvent[];
}

const NOTHING_ASKED: SubscriptionAnswer = { asked: false, accepted: [] };

// Held in memory for the launch: the ids change only with the server's configuration, which a restart picks up.
const templates: SubscriptionTemplates = {};
const loaded: Partial<Record<Audience, true>> = {};
const loading: Partial<Record<Audience, Promise<void>>> = {};

/**
 * Loads the template ids of `audience` unless already loaded; pages call it when shown, so the ids are there before a
 * tap needs them (the prompt must come before anything asynchronous in the tap). A failed load is tried again next time.
 */
export function preloadSubscriptions(audience: Audience = 'resident'): Promise<void> {
  if (loaded[audience]) return Promise.resolve();
  const pending =
    loading[audience] ??
    (audience === 'staff' ? staff.subscriptionTemplates() : resident.subscriptionTemplates()).then((result) => {
      delete loading[audience];
      if (!result.ok) return;
      Object.assign(templates, result.data.templates);
      loaded[audience] = true;
    });
  loading[audience] = pending;
  return pending;
}

function isResult(value: unknown): value is SubscriptionResult {
  return typeof value === 'string' && (SUBSCRIPTION_RESULTS as readonly string[]).includes(value);
}

/**
 * Shows WeChat's subscription prompt for the first three of `events` whose ids are loaded. Call it synchronously from a
 * tap handler, before anything asynchronous: WeChat shows the prompt only then. The answer is recorded on the server
 * without being waited for, so it never holds up what the tap does; the promise answers what was accepted.
 */
export function askSubscriptions(events: readonly NotificationEvent[]): Promise<SubscriptionAnswer> {
  const chosen = events.filter((event) => templates[event]).slice(0, MAX_PER_PROMPT);
  if (chosen.length === 0) return Promise.resolve(NOTHING_ASKED);
  let prompt: Promise<WechatMiniprogram.RequestSubscribeMessageSuccessCallbackResult>;
  try {
    prompt = wx.requestSubscribeMessage({ tmplIds: chosen.map((event) => templates[event] as string) });
  } catch {
    return Promise.resolve(NOTHING_ASKED);
  }
  return prompt.then(
    (answer) => {
      const results: Subscriptions = {};
      for (const event of chosen) {
        const result: unknown = answer[templates[event] as string];
        if (isResult(result)) results[event] = result;
      }
      if (Object.keys(results).length > 0) void resident.recordSubscriptions(results);
      return { asked: true, accepted: chosen.filter((event) => results[event] === 'accept') };
    },
    // Refused by WeChat (the person turned subscriptions off, or no tap): nothing was shown, nothing is promised.
    () => NOTHING_ASKED,
  );
}
