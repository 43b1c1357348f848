// subscriptionTemplates: the template id of each message a resident may subscribe to, from the server's configuration, so no id is spelled in the mini-program.
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../../miniprogram/domain/notifications';
import type { SubscriptionTemplates } from '../../../miniprogram/domain/api';
import type { Context } from '../../context';
import { DEFAULT_NOTIFICATION_CONFIG } from '../../notifications/config';
import { payloadObject, type ActionDefinition } from '../dispatch';

/** Every event but the staff's daily count: what a resident's own applications and permit can bring. */
export const RESIDENT_EVENTS: readonly NotificationEvent[] = NOTIFICATION_EVENTS.filter((event) => event !== 'staff_overdue');

/** The configured template id of each event; without an entry's configuration (tests, tools) the development ones, as delivery uses. */
export function templatesOf(ctx: Context, events: readonly NotificationEvent[]): SubscriptionTemplates {
  const config = ctx.notifications?.config ?? DEFAULT_NOTIFICATION_CONFIG;
  return Object.fromEntries(events.map((event) => [event, config.templates[event].templateId]));
}

/** An action answering the template ids of `events`: it takes no payload, and one that is given must still be an object. */
export function templatesAction(events: readonly NotificationEvent[]): ActionDefinition<true, { templates: SubscriptionTemplates }, false> {
  return {
    needsRequestId: false,
    parse: (c, payload) => (payload === undefined || payloadObject(c, payload) ? true : undefined),
    run: (ctx) => Promise.resolve({ data: { templates: templatesOf(ctx, events) } }),
  };
}

export const subscriptionTemplates = templatesAction(RESIDENT_EVENTS);
