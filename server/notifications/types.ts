// The notifier port and the stored notification: what a message is, how delivering one ends, and what handlers are given to make and deliver them.
import type { DeliveryStatus, NotificationEvent, TemplateData } from '../../miniprogram/domain/notifications';
import type { NotificationConfig } from './config';

/** A notification document (collection `notifications`), keyed by notificationId: the outbox. */
export interface NotificationRecord {
  event: NotificationEvent;
  /** Who receives it: the applicant, the person, or the staff member. */
  openid: string;
  applicationId?: string;
  templateId: string;
  data: TemplateData;
  page: string;
  createdAt: number;
  status: DeliveryStatus;
  /** Deliveries begun; bounded by the configuration's maxAttempts. */
  attempts: number;
  /** When the latest delivery began; a claim older than claimMs is taken to have died. */
  claimedAt?: number;
  /** When it was recorded sent or not subscribed. */
  settledAt?: number;
}

/** One message as the platform takes it. */
export interface OutgoingMessage {
  id: string;
  /** Which event it is: the cloud notifier sends the template id, the development notifier checks the subscription by it. */
  event: NotificationEvent;
  openid: string;
  templateId: string;
  data: TemplateData;
  page: string;
}

/**
 * Sends subscribe messages. `sent`, or `not_subscribed` when the platform refuses for lack of the person's
 * subscription (never retried); any throw is a passing failure, retried by later scheduler runs. The cloud
 * notifier will call subscribeMessage.send through 云调用 and map its errcode 43101 to `not_subscribed`; the
 * local host's development notifier delivers to the outbox alone.
 */
export interface Notifier {
  send(message: OutgoingMessage): Promise<'sent' | 'not_subscribed'>;
}

/** What an entry gives handlers for notifications: the templates and bounds, and the notifier. */
export interface NotificationServices {
  config: NotificationConfig;
  notifier: Notifier;
}
