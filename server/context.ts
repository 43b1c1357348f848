// What a handler is given: who is calling, the time, and the services it may use. Handlers read
// nothing else (no clock, no environment, no globals), so the cloud and the local host run them alike.
import type { Store } from './store/types';
import type { Verifier } from './verification/types';
import type { FileStorage } from './files/types';
import type { Settings } from './settings';
import type { NotificationServices } from './notifications/types';

export interface Context {
  /** The caller's openid, injected by the platform (or the local host's development identity). */
  openid: string;
  /** The request's instant, epoch ms. */
  now: number;
  store: Store;
  verifier: Verifier;
  files: FileStorage;
  /** What the city configures (the card fee). */
  settings: Settings;
  /** The key that finds a person's documents by ID number without storing a reversible form of it. */
  personKey: (idNumber: string) => string;
  /** A fresh unguessable identifier. */
  newId: () => string;
  /** A fresh secret for a bearer token (a verification token): longer than an id, URL-safe. */
  newSecret: () => string;
  /**
   * The templates and the notifier. Without them (tests, tools) notifications are still written, with the
   * development templates, and wait as pending for the scheduler.
   */
  notifications?: NotificationServices;
  /** Set by an entry only for its own scheduled run (the cloud's timer trigger, the local host itself), never from a request. */
  trigger?: boolean;
  /** The caller's staff record, set by the staff function's authorisation from the server's own records. */
  staff?: StaffRecord;
}

export interface StaffRecord {
  /** Division codes the staff member works for, or 'all'. */
  districts: string[] | 'all';
  /** What the timeline and audit show of them (records granted before names were asked for have none). */
  name?: string;
  badge?: string;
  /** May grant and revoke the roles of their own districts. */
  supervisor?: boolean;
}
