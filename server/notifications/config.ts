// Which subscribe-message template each event uses, its field keys and the page it opens, and the delivery
// bounds: development defaults, each overridable by the environment of the cloud function or local host.
import { fieldKindOf, MESSAGE_SLOTS, NOTIFICATION_EVENTS, SLOT_KINDS, type MessageSlot, type NotificationEvent } from '../../miniprogram/domain/notifications';

export interface TemplateConfig {
  /** The template id from the mini-program's subscribe-message settings. */
  templateId: string;
  /** Each slot's field key in that template. */
  keys: Record<MessageSlot, string>;
  /** The page the message opens; `{id}` is replaced by the application's id. */
  page: string;
}

export interface NotificationConfig {
  templates: Record<NotificationEvent, TemplateConfig>;
  /** Attempts at one delivery before it stays `failed`. */
  maxAttempts: number;
  /** Notifications one scheduler pass delivers before it looks again (a cloud function has a time limit). */
  batchSize: number;
  /** Batches one run delivers at most; the rest waits, oldest first, for the next run. */
  runBatches: number;
  /** A delivery claimed this long ago and not recorded is taken to have died, and may be tried again. */
  claimMs: number;
}

const DEFAULT_KEYS: Record<MessageSlot, string> = { service: 'thing1', status: 'phrase2', date: 'date3', action: 'thing4' };
const APPLICATION_PAGE = 'pages/application/index?id={id}';

/** The page each message opens: the application it is about, else the home page or the staff queue. */
const DEFAULT_PAGES: Record<NotificationEvent, string> = {
  review_approved: APPLICATION_PAGE,
  review_rejected: APPLICATION_PAGE,
  correction_requested: APPLICATION_PAGE,
  ready_for_pickup: APPLICATION_PAGE,
  pickup_reminder: APPLICATION_PAGE,
  permit_open: 'pages/home/index',
  endorsement_window_open: 'pages/home/index',
  endorsement_closing: 'pages/home/index',
  endorsement_lapsed: 'pages/home/index',
  staff_overdue: 'staff/pages/queue/index',
};

/** Development template ids are stand-ins that name their event; production sets the real ones (NOTIFY_<EVENT>_TEMPLATE). */
export const DEFAULT_NOTIFICATION_CONFIG: NotificationConfig = {
  templates: Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, { templateId: `dev-${event}`, keys: { ...DEFAULT_KEYS }, page: DEFAULT_PAGES[event] }])) as Record<
    NotificationEvent,
    TemplateConfig
  >,
  maxAttempts: 5,
  batchSize: 50,
  runBatches: 20,
  claimMs: 10 * 60_000,
};

/** The environment variable of one event's setting, e.g. NOTIFY_REVIEW_APPROVED_TEMPLATE. */
export function envName(event: NotificationEvent, setting: 'TEMPLATE' | 'KEYS' | 'PAGE'): string {
  return `NOTIFY_${event.toUpperCase()}_${setting}`;
}

/** `service=thing1,status=phrase2,date=date3,action=thing4`: every slot once, each to a key of a kind that may carry it. */
function readKeys(name: string, text: string): Record<MessageSlot, string> {
  const keys: Partial<Record<MessageSlot, string>> = {};
  for (const pair of text.split(',')) {
    const [slot, key] = pair.split('=').map((s) => s.trim());
    const kind = key ? fieldKindOf(key) : null;
    if (!(MESSAGE_SLOTS as readonly string[]).includes(slot) || keys[slot as MessageSlot] || !kind || !SLOT_KINDS[slot as MessageSlot].includes(kind)) {
      throw new Error(
        `${name} must map each of ${MESSAGE_SLOTS.join(', ')} once to a template key of a kind that fits it (e.g. service=thing1,status=phrase2,date=date3,action=thing4), not "${text}"`,
      );
    }
    keys[slot as MessageSlot] = key;
  }
  const missing = MESSAGE_SLOTS.filter((slot) => !keys[slot]);
  if (missing.length > 0) throw new Error(`${name} has no key for ${missing.join(', ')}`);
  return keys as Record<MessageSlot, string>;
}

function readCount(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || Number(text) > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not "${text}"`);
  return Number(text);
}

/** Reads the NOTIFY_* variables, or throws an Error whose message is the one line to show the operator. */
export function readNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const templates = {} as Record<NotificationEvent, TemplateConfig>;
  for (const event of NOTIFICATION_EVENTS) {
    const base = DEFAULT_NOTIFICATION_CONFIG.templates[event];
    const templateId = env[envName(event, 'TEMPLATE')] || base.templateId;
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(templateId)) throw new Error(`${envName(event, 'TEMPLATE')} must be a template id (letters, digits, - and _), not "${templateId}"`);
    const keysText = env[envName(event, 'KEYS')];
    const page = env[envName(event, 'PAGE')] || base.page;
    if (!/^[a-z][A-Za-z0-9_/-]*(\?[A-Za-z0-9_={}&-]*)?$/.test(page)) throw new Error(`${envName(event, 'PAGE')} must be a page path such as pages/home/index, not "${page}"`);
    templates[event] = { templateId, keys: keysText ? readKeys(envName(event, 'KEYS'), keysText) : { ...base.keys }, page };
  }
  return {
    templates,
    maxAttempts: readCount(env, 'NOTIFY_MAX_ATTEMPTS', DEFAULT_NOTIFICATION_CONFIG.maxAttempts, 100),
    batchSize: readCount(env, 'NOTIFY_BATCH_SIZE', DEFAULT_NOTIFICATION_CONFIG.batchSize, 1000),
    runBatches: readCount(env, 'NOTIFY_RUN_BATCHES', DEFAULT_NOTIFICATION_CONFIG.runBatches, 1000),
    claimMs: DEFAULT_NOTIFICATION_CONFIG.claimMs,
  };
}

/** The page a notification opens, with its application's id filled in. */
export function pageFor(template: TemplateConfig, applicationId?: string): string {
  return template.page.replace('{id}', encodeURIComponent(applicationId ?? ''));
}
