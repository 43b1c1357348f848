// Building notification documents: the create-if-absent write of one event's message, with its template data and page from configuration.
import { chinaDate } from '../../miniprogram/domain/dates';
import { notificationId, templateData, type MessageFacts, type NotificationEvent } from '../../miniprogram/domain/notifications';
import { permitOpensOnOf } from '../../miniprogram/domain/eligibility';
import { pickupPlaceFor } from '../../miniprogram/domain/pickupPlaces';
import type { Context } from '../context';
import type { ApplicationRecord } from '../records';
import type { Doc, Write } from '../store/types';
import { historyItem, historyOfPerson } from '../views';
import { DEFAULT_NOTIFICATION_CONFIG, pageFor, type NotificationConfig } from './config';
import type { NotificationRecord } from './types';

/** The configuration in force: the entry's, or the development defaults where an entry gives none (tests, tools). */
export function notificationConfigOf(ctx: Pick<Context, 'notifications'>): NotificationConfig {
  return ctx.notifications?.config ?? DEFAULT_NOTIFICATION_CONFIG;
}

/** Where a card is collected, as short as a message needs it: the address within the city (雨花区金盾路30号). */
export function pickupPlaceText(district: string): string {
  return pickupPlaceFor(district).address.replace(/^长沙市/, '');
}

export interface NotificationDraft {
  facts: MessageFacts;
  openid: string;
  /** The application or person (or staff member) it is about. */
  subject: string;
  occurrence: string | number;
  applicationId?: string;
}

/** The id and document of a draft; the id alone decides whether it exists already. */
export function notificationDocument(config: NotificationConfig, draft: NotificationDraft, now: number): { id: string; doc: NotificationRecord } {
  const event = draft.facts.event;
  const template = config.templates[event];
  return {
    id: notificationId(event, draft.subject, draft.occurrence),
    doc: {
      event,
      openid: draft.openid,
      ...(draft.applicationId ? { applicationId: draft.applicationId } : {}),
      templateId: template.templateId,
      data: templateData(draft.facts, template.keys),
      page: pageFor(template, draft.applicationId),
      createdAt: now,
      status: 'pending',
      attempts: 0,
    },
  };
}

export function notificationWrite(config: NotificationConfig, draft: NotificationDraft, now: number): Write {
  const { id, doc } = notificationDocument(config, draft, now);
  return { op: 'create', collection: 'notifications', id, doc: { ...doc } };
}

/** The events a staff decision sends the applicant. */
export type DecisionEvent = Extract<NotificationEvent, 'review_approved' | 'review_rejected' | 'correction_requested' | 'ready_for_pickup'>;

/** The date an approved declaration opens the permit, from the person's declarations (the first approved counts). */
async function permitOpensOn(ctx: Context, declaration: Doc<ApplicationRecord>): Promise<string> {
  const history = await historyOfPerson(ctx.store, declaration.idHash, 'asc');
  const others = history.filter((d) => d.kind === 'declaration' && d._id !== declaration._id);
  return permitOpensOnOf(historyItem(declaration), [...others, declaration].map(historyItem));
}

/**
 * The message of a decision that took `app` to its new step: keyed by the application and that step, so
 * a decision repeated (or raced) creates one notification at most.
 */
export async function decisionNotification(ctx: Context, event: DecisionEvent, app: Doc<ApplicationRecord>, extra: { itemCount?: number } = {}): Promise<Write> {
  const on = chinaDate(ctx.now);
  const facts: MessageFacts =
    event === 'ready_for_pickup'
      ? { event, kind: app.kind, on, place: pickupPlaceText(app.district) }
      : event === 'correction_requested'
        ? { event, kind: app.kind, on, itemCount: extra.itemCount ?? 1 }
        : event === 'review_approved' && app.kind === 'declaration'
          ? { event, kind: app.kind, on, permitOpensOn: await permitOpensOn(ctx, app) }
          : { event, kind: app.kind, on };
  return notificationWrite(notificationConfigOf(ctx), { facts, openid: app.ownerOpenid, subject: app._id, occurrence: app._version, applicationId: app._id }, ctx.now);
}
