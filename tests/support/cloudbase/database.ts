// The memory cloud's database API: answers the `database.*` requests of @cloudbase/database the way the
// real cloud does, with MongoDB's query and update semantics (mingo) and its transaction rules.
import { randomBytes } from 'node:crypto';
import { find, update } from 'mingo';
import { CommittedDocuments, copy, type Change, type Doc } from './documents';
import { collectionNotExist, duplicateKey, invalidParam, noSuchTransaction, transactionConflict } from './errors';
import { bson, type CloudErrorBody } from './sdk';

/** The real cloud's page sizes: a query without a limit gets 100 documents, none gets more than 1000. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface Write extends Change {
  /** Written by an insert: a committed document of that id by commit time is a duplicate, not a conflict. */
  insert: boolean;
}

interface Transaction {
  id: string;
  /** The commit it reads at. */
  snapshot: number;
  writes: Map<string, Write>;
}

type Params = Record<string, unknown>;
type Answer = Record<string, unknown> | CloudErrorBody;

class Failure extends Error {
  constructor(readonly body: CloudErrorBody) {
    super(body.message);
  }
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class MemoryDatabase {
  readonly committed: CommittedDocuments;
  private readonly transactions = new Map<string, Transaction>();
  /** Which open transaction has written each document: another may not write it until that one ends. */
  private readonly locks = new Map<string, string>();
  private transactionCount = 0;

  constructor(
    private readonly env: string,
    collections: readonly string[],
  ) {
    this.committed = new CommittedDocuments(collections);
  }

  /** Answers one request of the database SDK: the body the cloud would send back. */
  handle(api: string, params: Params): Answer {
    try {
      return this.dispatch(api, params);
    } catch (error) {
      if (error instanceof Failure) return error.body;
      throw error;
    }
  }

  /** Ends a transaction whose commit failed (also an injected failure): the real cloud aborts it. */
  discard(transactionId: unknown): void {
    const tx = this.transactions.get(String(transactionId));
    if (tx) this.end(tx);
  }

  reset(): void {
    this.committed.clear();
    this.transactions.clear();
    this.locks.clear();
  }

  private dispatch(api: string, params: Params): Answer {
    switch (api) {
      case 'database.startTransaction':
        return this.start();
      case 'database.commitTransaction':
        return this.commit(this.openTransaction(params.transactionId));
      case 'database.abortTransaction':
        this.end(this.openTransaction(params.transactionId));
        return {};
      case 'database.getDocument':
        return this.get(params);
      case 'database.calculateDocument':
        return { data: { total: this.matching(params).length } };
      case 'database.insertDocument':
        return this.insert(params);
      case 'database.modifyDocument':
        return this.modify(params);
      case 'database.removeDocument':
        return this.remove(params);
      default:
        // getInTransaction and the other *InTransaction APIs belong to @cloudbase/database's
        // transaction.js, which nothing requires: db.startTransaction() uses transaction/index.js.
        throw new Error(`the memory cloud does not answer ${api}`);
    }
  }

  private start(): Answer {
    const id = `memory-tx-${++this.transactionCount}`;
    this.transactions.set(id, { id, snapshot: this.committed.seq, writes: new Map() });
    return { transactionId: id };
  }

  private commit(tx: Transaction): Answer {
    this.end(tx);
    for (const write of tx.writes.values()) {
      if (this.committed.lastWrite(write.collection, write.id) <= tx.snapshot) continue;
      // Someone committed this document after our snapshot: applying would lose their write.
      if (write.insert && this.committed.read(write.collection, write.id)) throw new Failure(duplicateKey(this.env, write.collection, write.id));
      throw new Failure(transactionConflict(`${write.collection}/${write.id} changed since the transaction started`));
    }
    this.committed.commit(tx.writes.values());
    return {};
  }

  private get(params: Params): Answer {
    const limit = Math.min(typeof params.limit === 'number' && params.limit > 0 ? params.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    let cursor = find(this.view(params), this.query(params), decode(params.projection) as Doc | undefined);
    const order = decode(params.order) as Doc | undefined;
    if (order) cursor = cursor.sort(order);
    const list = cursor
      .skip(offset)
      .limit(limit)
      .all()
      .map((doc) => bson.EJSON.stringify(doc, { relaxed: false }));
    return { data: { list, limit, offset } };
  }

  private insert(params: Params): Answer {
    const tx = this.transactionOf(params);
    const collection = this.collectionOf(params);
    if (!Array.isArray(params.data)) throw new Failure(invalidParam('insertDocument needs data: a list of documents'));
    const docs = params.data.map((item) => {
      const doc = decode(item) as Doc;
      return { ...doc, _id: typeof doc._id === 'string' || typeof doc._id === 'number' ? doc._id : newId() };
    });
    const inBatch = new Set<string>();
    // The whole batch or nothing: a duplicate anywhere in it leaves the collection as it was.
    for (const doc of docs) {
      const id = String(doc._id);
      if (inBatch.has(id) || this.visible(collection, tx, id).length > 0) throw new Failure(duplicateKey(this.env, collection, id));
      inBatch.add(id);
    }
    this.write(
      tx,
      docs.map((doc) => ({ collection, id: String(doc._id), doc, insert: true })),
    );
    return { data: { insertedIds: docs.map((doc) => doc._id) } };
  }

  private modify(params: Params): Answer {
    const tx = this.transactionOf(params);
    const collection = this.collectionOf(params);
    const data = decode(params.data) as Doc;
    const merge = params.merge === true;
    const targets = this.matching(params).slice(0, params.multi === true ? undefined : 1);
    const writes: Write[] = [];
    let updated = 0;
    for (const doc of targets) {
      const next = merge ? applyUpdate(doc, data) : { ...copy(data), _id: doc._id };
      // MongoDB's nModified: a write that changes nothing is not counted.
      if (bson.EJSON.stringify(next) !== bson.EJSON.stringify(doc)) updated++;
      writes.push({ collection, id: String(doc._id), doc: next, insert: false });
    }
    let upsertId: unknown;
    if (targets.length === 0 && params.upsert === true) {
      const queried = (this.query(params) as { _id?: unknown })._id;
      upsertId = typeof queried === 'string' || typeof queried === 'number' ? queried : newId();
      const doc = merge ? applyUpdate({ _id: upsertId }, data) : { ...copy(data), _id: upsertId };
      writes.push({ collection, id: String(upsertId), doc, insert: false });
    }
    this.write(tx, writes);
    return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } };
  }

  private remove(params: Params): Answer {
    const tx = this.transactionOf(params);
    const collection = this.collectionOf(params);
    const targets = this.matching(params).slice(0, params.multi === true ? undefined : 1);
    this.write(
      tx,
      targets.map((doc) => ({ collection, id: String(doc._id), doc: null, insert: false })),
    );
    return { data: { deleted: targets.length } };
  }

  /** Outside a transaction a write is its own commit; inside one it waits for the commit, holding the document. */
  private write(tx: Transaction | null, writes: Write[]): void {
    if (writes.length === 0) return;
    if (!tx) {
      this.committed.commit(writes);
      return;
    }
    for (const write of writes) {
      const holder = this.locks.get(keyOf(write.collection, write.id));
      if (holder !== undefined && holder !== tx.id) {
        // As in MongoDB, a write conflict aborts the transaction: its later calls and its commit fail.
        this.end(tx);
        throw new Failure(transactionConflict(`${write.collection}/${write.id} is written by another transaction`));
      }
    }
    for (const write of writes) {
      const key = keyOf(write.collection, write.id);
      const earlier = tx.writes.get(key);
      tx.writes.set(key, { ...write, insert: write.insert || (earlier?.insert ?? false) });
      this.locks.set(key, tx.id);
    }
  }

  /** The documents of the request's collection as its caller sees them: a transaction sees its snapshot and its own writes. */
  private view(params: Params): Doc[] {
    return this.visible(this.collectionOf(params), this.transactionOf(params), keyedId(this.query(params)));
  }

  /**
   * The documents `tx` (or, without one, anyone) sees in a collection; with `id`, only that one, so a read or
   * write by key costs one lookup rather than a copy of the whole collection.
   */
  private visible(collection: string, tx: Transaction | null, id?: string): Doc[] {
    const at = tx?.snapshot ?? this.committed.seq;
    const committed = id === undefined ? this.committed.all(collection, at) : [this.committed.read(collection, id, at)].filter((doc): doc is Doc => doc !== null);
    const docs = new Map<string, Doc | null>(committed.map((doc) => [String(doc._id), doc]));
    if (tx) for (const write of tx.writes.values()) if (write.collection === collection && (id === undefined || write.id === id)) docs.set(write.id, write.doc);
    return [...docs.values()].filter((doc): doc is Doc => doc !== null).map(copy);
  }

  private matching(params: Params): Doc[] {
    return find(this.view(params), this.query(params)).all();
  }

  private query(params: Params): Doc {
    return toMingo(decode(params.query) ?? {}) as Doc;
  }

  private collectionOf(params: Params): string {
    const name = params.collectionName;
    if (typeof name !== 'string' || !this.committed.has(name)) throw new Failure(collectionNotExist(String(name)));
    return name;
  }

  private transactionOf(params: Params): Transaction | null {
    return params.transactionId === undefined ? null : this.openTransaction(params.transactionId);
  }

  private openTransaction(id: unknown): Transaction {
    const tx = this.transactions.get(String(id));
    if (!tx) throw new Failure(noSuchTransaction(id));
    return tx;
  }

  private end(tx: Transaction): void {
    this.transactions.delete(tx.id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
  }
}

/** The id a query names when it is `{ _id: <id> }` alone (a document's own reads and writes), else undefined. */
function keyedId(query: Doc): string | undefined {
  const keys = Object.keys(query);
  const id = query._id;
  return keys.length === 1 && (typeof id === 'string' || typeof id === 'number') ? String(id) : undefined;
}

/** Reads a value the SDK sent as EJSON text: numbers come back as numbers, dates as Dates. */
export function decode(value: unknown): unknown {
  if (typeof value === 'string') return bson.EJSON.parse(value);
  if (Array.isArray(value)) return value.map(decode);
  return value;
}

/** An update of the SDK is a set of operators; a bare object means $set. */
function applyUpdate(doc: Doc, data: Doc): Doc {
  const next = copy(doc);
  const operators = Object.keys(data).some((key) => key.startsWith('$'));
  update(next, (operators ? data : { $set: data }) as Parameters<typeof update>[1]);
  return next;
}

/** db.RegExp arrives as BSON's regular expression, which mingo does not know: it wants a RegExp. */
function toMingo(value: unknown): unknown {
  if (value instanceof bson.BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''));
  if (Array.isArray(value)) return value.map(toMingo);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toMingo(inner)]));
  }
  return value;
}

/** An id like the cloud's: 32 hex digits. */
function newId(): string {
  return randomBytes(16).toString('hex');
}
