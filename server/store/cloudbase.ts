// The store on WeChat's cloud database (CloudBase, through wx-server-sdk): one collection per store
// collection, the version as a field of each document, every batch in a transaction of its own.
// CloudBase allows only single-document operations inside a transaction, so every write is a read of
// its document and a set or remove of it by id; a precondition that does not hold aborts the batch.
import { BY_KEY, shapeOf } from './shapes';
import { MAX_QUERY_LIMIT, StoreConflict, type CollectionName, type Doc, type Query, type Scalar, type Store, type Write } from './types';
import { describeCloudError, isDuplicate, isTransactionConflict, StoreUnavailable } from './cloudbaseErrors';

/** What the adapter uses of `cloud.database({ throwOnNotFound: false })`: typed here, so the store does not depend on the SDK's own types. */
export interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: CloudCommand;
  startTransaction(): Promise<CloudTransaction>;
}

interface CloudCollection {
  doc(id: string): CloudDocument;
  where(condition: unknown): CloudQuery;
}

interface CloudQuery {
  orderBy(field: string, direction: 'asc' | 'desc'): CloudQuery;
  limit(n: number): CloudQuery;
  get(): Promise<{ data: Record<string, unknown>[] }>;
}

interface CloudDocument {
  /** The document, or null when it is missing (with throwOnNotFound: false), in a transaction or not. */
  get(): Promise<{ data: Record<string, unknown> | null }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}

interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocument };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

interface CloudCommand {
  and(conditions: unknown[]): unknown;
  or(conditions: unknown[]): unknown;
  eq(value: unknown): unknown;
  gt(value: unknown): unknown;
  lt(value: unknown): unknown;
}

export interface CloudStoreOptions {
  /** How many times a batch that met another transaction is tried in all before the store gives up. */
  attempts?: number;
  /** The pause before try n (n ≥ 2), in ms; tests pass 0. */
  backoffMs?: (attempt: number) => number;
}

const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const DEFAULT_ATTEMPTS = 5;

/** A little random spread, so two functions that met once do not meet again at the same instant. */
const defaultBackoff = (attempt: number) => 20 * 2 ** (attempt - 2) * (0.5 + Math.random());

/** The stored form: the document's fields and its version; the key is the document's own `_id`. */
function stored(doc: Record<string, unknown>, version: number): Record<string, unknown> {
  const { _id: _ignoredId, _version: _ignoredVersion, ...fields } = doc;
  return { ...fields, _version: version };
}

function toDoc<T>(raw: Record<string, unknown>): Doc<T> {
  return { ...raw, _id: raw._id as string, _version: raw._version as number } as Doc<T>;
}

export function openCloudStore(db: CloudDatabase, options: CloudStoreOptions = {}): Store {
  const _ = db.command;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultBackoff;

  /** The query's filter. A value that is undefined would be dropped silently by the SDK, making a filter match everything. */
  function condition(query: Query): unknown {
    const equalities: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(query.where)) {
      if (value === undefined) throw new Error(`query on ${field} has no value`);
      equalities[field] = value;
    }
    if (!query.after) return equalities;
    const { field, direction } = query.orderBy;
    const beyond = (value: Scalar | string) => (direction === 'asc' ? _.gt(value) : _.lt(value));
    // After a position: beyond its value, or at its value and beyond its key (ties are ordered by key).
    const position =
      field === '_id' ? { _id: beyond(query.after.id) } : _.or([{ [field]: beyond(query.after.value) }, { [field]: _.eq(query.after.value), _id: beyond(query.after.id) }]);
    return _.and([equalities, position]);
  }

  /** One try of a batch: each write reads its document in the transaction, checks its precondition and writes it. */
  async function tryOnce(writes: readonly Write[]): Promise<void> {
    const tx = await db.startTransaction();
    try {
      for (const w of writes) {
        const ref = tx.collection(w.collection).doc(w.id);
        const current = (await ref.get()).data;
        if (w.op === 'create') {
          if (current) throw new StoreConflict(w);
          await ref.set({ data: stored(w.doc, 1) });
        } else {
          if (!current || current._version !== w.version) throw new StoreConflict(w);
          if (w.op === 'update') await ref.set({ data: stored(w.doc, w.version + 1) });
          else await ref.remove();
        }
      }
      await tx.commit();
    } catch (error) {
      // A transaction left open holds its locks until the cloud times it out: release them now.
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  }

  return {
    async get<T>(collection: CollectionName, id: string) {
      try {
        const { data } = await db.collection(collection).doc(id).get();
        return data ? toDoc<T>(data) : null;
      } catch (error) {
        throw new StoreUnavailable(`get ${collection}`, describeCloudError(error));
      }
    },

    async find<T>(collection: CollectionName, query: Query) {
      // The same shapes as every adapter: each has its index in the cloud's database file.
      const shape = shapeOf(collection, query);
      if (!shape) throw new Error(`no index serves this query on ${collection}: where ${Object.keys(query.where).join(', ') || 'nothing'}, by ${query.orderBy.field}`);
      for (const field of [...Object.keys(query.where), query.orderBy.field]) {
        if (field !== '_id' && !FIELD_PATTERN.test(field)) throw new Error(`invalid field name in query: ${field}`);
      }
      const limit = Math.min(Math.max(1, Math.floor(query.limit)), MAX_QUERY_LIMIT);
      let request = db.collection(collection).where(condition(query));
      if (shape !== BY_KEY) request = request.orderBy(query.orderBy.field, query.orderBy.direction);
      request = request.orderBy('_id', query.orderBy.direction).limit(limit);
      try {
        const { data } = await request.get();
        return data.map((raw) => toDoc<T>(raw));
      } catch (error) {
        throw new StoreUnavailable(`find ${collection}`, describeCloudError(error));
      }
    },

    async commit(writes: readonly Write[]) {
      if (writes.length === 0) return;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await tryOnce(writes);
        } catch (error) {
          if (error instanceof StoreConflict) throw error;
          // Another transaction wrote one of these documents first. The next try reads them again, and a
          // precondition that no longer holds is then the store's conflict like any other.
          if (isTransactionConflict(error) && attempt < attempts) {
            await new Promise((resolve) => setTimeout(resolve, backoff(attempt + 1)));
            continue;
          }
          // A key created meanwhile by another batch, reported at commit: the first create is the one refused.
          if (isDuplicate(error)) throw new StoreConflict(writes.find((w) => w.op === 'create') ?? writes[0]);
          if (isTransactionConflict(error)) throw new StoreConflict(writes[0]);
          throw new StoreUnavailable('commit', describeCloudError(error));
        }
      }
    },

    close() {
      // Nothing to release: the SDK holds no connection of its own.
    },
  };
}
