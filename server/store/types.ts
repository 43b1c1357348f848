// The store interface: keyed JSON documents in named collections, read singly or by a simple query,
// and written in atomic batches whose preconditions make uniqueness and compare-and-set explicit.
// It is shaped after what CloudBase's database can do (single-document operations in a
// transaction, no partial unique indexes), so every adapter can keep the same promises.

export type CollectionName =
  | 'applications'
  | 'events'
  /** Each time staff saw an application's full ID number: apart from the events, so a view never rereads the log. */
  | 'views'
  | 'files'
  | 'verifications'
  | 'tokens'
  | 'locks'
  | 'requests'
  | 'staff'
  /** Who granted or revoked which staff role, and when: the supervisors' audit. */
  | 'audit'
  /** The outbox: one document per notification, keyed by what it is about. */
  | 'notifications'
  /** What each person accepted in the subscription prompt, by openid. */
  | 'subscriptions'
  /** One district's counts of one past China day, kept by the scheduler so the staff stats read days, not events. */
  | 'totals'
  /** The store's own bookkeeping, such as which person-key scheme it is on. */
  | 'meta';

/** Every collection once: a record, so that a collection added to the type without being listed here does not compile. */
const EVERY_COLLECTION: Record<CollectionName, true> = {
  applications: true,
  events: true,
  views: true,
  files: true,
  verifications: true,
  tokens: true,
  locks: true,
  requests: true,
  staff: true,
  audit: true,
  notifications: true,
  subscriptions: true,
  totals: true,
  meta: true,
};

/** Every collection, as a list: what a new cloud environment must create, and what tests count. */
export const COLLECTION_NAMES = Object.keys(EVERY_COLLECTION) as CollectionName[];

/** A stored document: its own fields plus the key and a version that every update increments. */
export type Doc<T = Record<string, unknown>> = T & { _id: string; _version: number };

export type Scalar = string | number | boolean | null;

export type Write =
  /** Fails when a document with this id exists: how uniqueness is enforced. */
  | { op: 'create'; collection: CollectionName; id: string; doc: Record<string, unknown> }
  /** Replaces the document; fails unless it exists at exactly `version` (compare-and-set). */
  | { op: 'update'; collection: CollectionName; id: string; version: number; doc: Record<string, unknown> }
  /** Fails unless the document exists at exactly `version`. */
  | { op: 'delete'; collection: CollectionName; id: string; version: number };

/** A batch was refused because one write's precondition did not hold; nothing of it was written. */
export class StoreConflict extends Error {
  constructor(readonly write: Write) {
    super(`store conflict on ${write.op} ${write.collection}`);
    this.name = 'StoreConflict';
  }
}

export interface Query {
  /** Equality on top-level or dotted fields. */
  where: Record<string, Scalar>;
  orderBy: { field: string; direction: 'asc' | 'desc' };
  limit: number;
  /** Continue after this position of the order (ties broken by _id in the same direction). */
  after?: { value: Scalar; id: string };
}

export interface Store {
  get<T>(collection: CollectionName, id: string): Promise<Doc<T> | null>;
  find<T>(collection: CollectionName, query: Query): Promise<Doc<T>[]>;
  /** Applies every write or none. Throws StoreConflict naming the first write that failed. */
  commit(writes: readonly Write[]): Promise<void>;
  close(): void;
}

/** Largest page any query may ask for: CloudBase returns at most 1000 documents per read. */
export const MAX_QUERY_LIMIT = 1000;
