// The embedded store on SQLite (better-sqlite3): one table of JSON documents keyed by
// (collection, id), WAL journal, every batch atomic. Each query shape has its own partial index
// (shapes.ts), so a collection's writes update only that collection's indexes.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BY_KEY, QUERY_SHAPES, shapeOf, type QueryShape } from './shapes';
import { MAX_QUERY_LIMIT, StoreConflict, type CollectionName, type Doc, type Query, type Scalar, type Store, type Write } from './types';

const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Collection names are written into the SQL as literals, because SQLite uses a partial index only for a literal. */
function collectionLiteral(collection: CollectionName): string {
  if (!/^[a-z]+$/.test(collection)) throw new Error(`invalid collection name: ${collection}`);
  return `'${collection}'`;
}

/** The condition a shape's partial index holds: its collection, and for a sparse one the presence of its first field. */
function indexCondition(shape: QueryShape): string {
  const inCollection = `collection = ${collectionLiteral(shape.collection)}`;
  return shape.sparse ? `${inCollection} AND ${fieldExpression(shape.equals[0])} IS NOT NULL` : inCollection;
}

function indexSql(shape: QueryShape): string {
  // The key comes last, so ties in the order are broken in the index too and nothing is sorted afterwards.
  const columns = [...[...shape.equals, shape.orderBy].map(fieldExpression), 'id'].join(', ');
  return `CREATE INDEX ${shape.name} ON docs (${columns}) WHERE ${indexCondition(shape)}`;
}

const TABLE_SQL = 'CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL)';
/** The key: unique, so a create of an id that exists changes nothing (how uniqueness is enforced). */
const KEY_INDEX = 'docs_key';

/**
 * One row per document in a table keyed by rowid, with the (collection, id) key as a unique index. A store
 * written when the key was the table's own (WITHOUT ROWID) is moved once: that keeps whole documents in
 * the key's B-tree, where documents of a kilobyte or more make every write split pages (measured: 4× slower
 * writes and 5× slower reads by key at 300 000 documents).
 */
function ensureTable(db: Database.Database): void {
  const existing = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'docs'").get() as { sql: string } | undefined;
  const create = () => {
    db.exec(TABLE_SQL);
    db.exec(`CREATE UNIQUE INDEX ${KEY_INDEX} ON docs (collection, id)`);
  };
  if (!existing) return create();
  if (!/WITHOUT ROWID/i.test(existing.sql)) return;
  db.transaction(() => {
    db.exec('ALTER TABLE docs RENAME TO docs_without_rowid');
    create();
    db.exec('INSERT INTO docs (collection, id, version, body) SELECT collection, id, version, body FROM docs_without_rowid');
    // Its indexes go with it; ensureIndexes makes them again on the new table.
    db.exec('DROP TABLE docs_without_rowid');
  })();
}

/** Creates the shapes' indexes, replacing any whose definition changed and dropping those no shape uses any more. */
function ensureIndexes(db: Database.Database): void {
  const existing = new Map(
    (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND sql IS NOT NULL").all() as { name: string; sql: string }[]).map((row) => [
      row.name,
      row.sql,
    ]),
  );
  const wanted = new Map(QUERY_SHAPES.map((shape) => [shape.name, indexSql(shape)]));
  existing.delete(KEY_INDEX);
  for (const [name, sql] of existing) if (wanted.get(name) !== sql) db.exec(`DROP INDEX ${name}`);
  for (const [name, sql] of wanted) if (existing.get(name) !== sql) db.exec(sql);
}

function fieldExpression(field: string): string {
  if (field === '_id') return 'id';
  if (!FIELD_PATTERN.test(field)) throw new Error(`invalid field name in query: ${field}`);
  return `json_extract(body, '$.${field}')`;
}

/** SQLite binds no booleans; JSON booleans read back through json_extract as 1 and 0. */
function bindable(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

export interface SqliteOptions {
  /** Only the benchmark sets this, to show what durability costs. */
  synchronous?: 'FULL' | 'NORMAL' | 'OFF';
}

/** The SQLite store, which also says how durable its commits are. */
export interface SqliteStore extends Store {
  /** The connection's journal mode and synchronous level as SQLite reports them (2 is FULL). */
  durability(): { journalMode: string; synchronous: number };
  /** Rewrites the file so that nothing deleted or replaced lingers in free pages or the log. */
  purge(): void;
  /** SQLite's plan for a query, one line per step: how a test or the benchmark sees which index serves it. */
  explain(collection: CollectionName, query: Query): string[];
}

/** The SELECT for a query, written so that its shape's partial index serves both the filter and the order. */
function selectFor(collection: CollectionName, query: Query): { sql: string; params: (string | number | null)[] } {
  const shape = shapeOf(collection, query);
  if (!shape) throw new Error(`no index serves this query on ${collection}: where ${Object.keys(query.where).join(', ') || 'nothing'}, by ${query.orderBy.field}`);
  const limit = Math.min(Math.max(1, Math.floor(query.limit)), MAX_QUERY_LIMIT);
  const params: (string | number | null)[] = [];
  const conditions = [shape === BY_KEY ? `collection = ${collectionLiteral(collection)}` : indexCondition(shape)];
  for (const [field, value] of Object.entries(query.where)) {
    conditions.push(value === null ? `${fieldExpression(field)} IS NULL` : `${fieldExpression(field)} = ?`);
    if (value !== null) params.push(bindable(value));
  }
  const order = fieldExpression(query.orderBy.field);
  const direction = query.orderBy.direction === 'asc' ? 'ASC' : 'DESC';
  if (query.after) {
    const cmp = direction === 'ASC' ? '>' : '<';
    if (query.orderBy.field === '_id') {
      // By key alone, the position is a range of the key index: a walk resumes without reading what it passed.
      conditions.push(`id ${cmp} ?`);
      params.push(query.after.id);
    } else {
      conditions.push(`(${order} ${cmp} ? OR (${order} = ? AND id ${cmp} ?))`);
      const value = bindable(query.after.value);
      params.push(value, value, query.after.id);
    }
  }
  // INDEXED BY makes SQLite use the shape's index or refuse the statement: a plan never falls back to a scan and sort.
  const source = `docs INDEXED BY ${shape === BY_KEY ? KEY_INDEX : shape.name}`;
  return { sql: `SELECT id, version, body FROM ${source} WHERE ${conditions.join(' AND ')} ORDER BY ${order} ${direction}, id ${direction} LIMIT ${limit}`, params };
}

export function openSqliteStore(dataDir: string | ':memory:', options: SqliteOptions = {}): SqliteStore {
  let db: Database.Database;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'store.sqlite'));
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit, so a write that was answered survives a power cut; NORMAL
    // would only keep the store consistent and could lose the last commits (measured in npm run bench).
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    // SQLite keeps 2 MiB of pages by default; a city's indexes are deeper than that, and every page it drops is
    // read again from the file on the next write or query. 32 MiB keeps the upper levels of every index at hand.
    db.pragma('cache_size = -32768');
  }
  ensureTable(db);
  ensureIndexes(db);

  const selectOne = db.prepare('SELECT version, body FROM docs WHERE collection = ? AND id = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO docs (collection, id, version, body) VALUES (?, ?, 1, ?)');
  const update = db.prepare('UPDATE docs SET version = version + 1, body = ? WHERE collection = ? AND id = ? AND version = ?');
  const remove = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ? AND version = ?');
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const toDoc = <T>(id: string, row: { version: number; body: string }): Doc<T> => ({ ...JSON.parse(row.body), _id: id, _version: row.version }) as Doc<T>;

  const strip = (doc: Record<string, unknown>): string => {
    const { _id: _ignoredId, _version: _ignoredVersion, ...rest } = doc;
    return JSON.stringify(rest);
  };

  const apply = db.transaction((writes: readonly Write[]) => {
    for (const w of writes) {
      const changes =
        w.op === 'create'
          ? insert.run(w.collection, w.id, strip(w.doc)).changes
          : w.op === 'update'
            ? update.run(strip(w.doc), w.collection, w.id, w.version).changes
            : remove.run(w.collection, w.id, w.version).changes;
      if (changes !== 1) throw new StoreConflict(w);
    }
  });

  // Batches committed in the same turn of the event loop are written in one transaction, each under its own
  // savepoint: a refused batch rolls back alone, and the sync that makes a commit durable is paid once for all.
  // Any other failure (disk full, I/O) rolls the whole transaction back, and every batch of it is refused.
  let queued: { writes: readonly Write[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const applyAll = db.transaction((batches: typeof queued) =>
    batches.map((batch) => {
      try {
        apply(batch.writes);
        return undefined;
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error;
        return error;
      }
    }),
  );
  const flush = () => {
    const batches = queued;
    queued = [];
    if (batches.length === 0) return;
    let outcomes: unknown[];
    try {
      outcomes = applyAll(batches);
    } catch (error) {
      for (const batch of batches) batch.reject(error);
      return;
    }
    batches.forEach((batch, i) => (outcomes[i] === undefined ? batch.resolve() : batch.reject(outcomes[i])));
  };

  return {
    async get<T>(collection: CollectionName, id: string) {
      const row = selectOne.get(collection, id) as { version: number; body: string } | undefined;
      return row ? toDoc<T>(id, row) : null;
    },

    async find<T>(collection: CollectionName, query: Query) {
      const { sql, params } = selectFor(collection, query);
      const rows = prepared(sql).all(...params) as { id: string; version: number; body: string }[];
      return rows.map((row) => toDoc<T>(row.id, row));
    },

    commit(writes: readonly Write[]) {
      return new Promise<void>((resolve, reject) => {
        queued.push({ writes, resolve, reject });
        if (queued.length === 1) setImmediate(flush);
      });
    },

    durability() {
      return { journalMode: db.pragma('journal_mode', { simple: true }) as string, synchronous: db.pragma('synchronous', { simple: true }) as number };
    },

    explain(collection, query) {
      const { sql, params } = selectFor(collection, query);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    },

    purge() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },

    close() {
      // What was committed before closing is written first, as its caller was promised.
      if (db.open && queued.length > 0) flush();
      if (db.open) db.close();
    },
  };
}
