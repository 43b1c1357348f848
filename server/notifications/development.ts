// The development notifier: "delivers" to the outbox the local host shows, honouring what the person accepted in the subscription prompt.
import type { Store } from '../store/types';
import type { Notifier } from './types';
import { subscriptionsOf } from './subscriptions';

/** Sent when the recipient accepted the event's subscription, else refused as WeChat refuses a message nobody subscribed to. */
export function developmentNotifier(store: Store): Notifier {
  return {
    async send(message) {
      const subscriptions = await subscriptionsOf(store, message.openid);
      return subscriptions[message.event] === 'accept' ? 'sent' : 'not_subscribed';
    },
  };
}
