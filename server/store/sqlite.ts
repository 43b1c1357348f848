// The embedded store on SQLite (better-sqlite3): one table of JSON documents keyed by
// (collection, id), WAL journal, every batch in one synchronous transaction.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_QUERY_LIMIT, StoreConflict, type CollectionName, type Doc, type Query, type Scalar, type Store, type Write } from './types';

const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Expression indexes for the queries the handlers make; SQLite uses them when the expression matches. */
const INDEXES = [
  ['applications_by_owner', "json_extract(body, '$.ownerOpenid'), json_extract(body, '$.submittedAt')"],
  ['applications_by_person', "json_extract(body, '$.idHash'), json_extract(body, '$.submittedAt')"],
  ['applications_by_status', "json_extract(body, '$.status'), json_extract(body, '$.district'), json_extract(body, '$.dueOn')"],
  ['events_by_application', "json_extract(body, '$.applicationId'), json_extract(body, '$.seq')"],
  ['notifications_by_status', "json_extract(body, '$.status'), json_extract(body, '$.createdAt')"],
];

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
  synchronous?: 'FULL' | 'NORMAL';
}

/** The SQLite store, which also says how durable its commits are. */
export interface SqliteStore extends Store {
  /** The connection's journal mode and synchronous level as SQLite reports them (2 is FULL). */
  durability(): { journalMode: string; synchronous: number };
  /** Rewrites the file so that nothing deleted or replaced lingers in free pages or the log. */
  purge(): void;
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
  }
  db.exec(`CREATE TABLE IF NOT EXISTS docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID`);
  for (const [name, columns] of INDEXES) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON docs (collection, ${columns})`);

  const selectOne = db.prepare('SELECT version, body FROM docs WHERE collection = ? AND id = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO docs (collection, id, version, body) VALUES (?, ?, 1, ?)');
  const update = db.prepare('UPDATE docs SET version = version + 1, body = ? WHERE collection = ? AND id = ? AND version = ?');
  const remove = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ? AND version = ?');
  const statements = new Map<string, Database.Statement>();

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

  return {
    async get<T>(collection: CollectionName, id: string) {
      const row = selectOne.get(collection, id) as { version: number; body: string } | undefined;
      return row ? toDoc<T>(id, row) : null;
    },

    async find<T>(collection: CollectionName, query: Query) {
      const limit = Math.min(Math.max(1, Math.floor(query.limit)), MAX_QUERY_LIMIT);
      const params: (string | number | null)[] = [collection];
      const conditions = ['collection = ?'];
      for (const [field, value] of Object.entries(query.where)) {
        conditions.push(value === null ? `${fieldExpression(field)} IS NULL` : `${fieldExpression(field)} = ?`);
        if (value !== null) params.push(bindable(value));
      }
      const order = fieldExpression(query.orderBy.field);
      const direction = query.orderBy.direction === 'asc' ? 'ASC' : 'DESC';
      if (query.after) {
        const cmp = direction === 'ASC' ? '>' : '<';
        conditions.push(`(${order} ${cmp} ? OR (${order} = ? AND id ${cmp} ?))`);
        const value = bindable(query.after.value);
        params.push(value, value, query.after.id);
      }
      const sql = `SELECT id, version, body FROM docs WHERE ${conditions.join(' AND ')} ORDER BY ${order} ${direction}, id ${direction} LIMIT ${limit}`;
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      const rows = statement.all(...params) as { id: string; version: number; body: string }[];
      return rows.map((row) => toDoc<T>(row.id, row));
    },

    async commit(writes: readonly Write[]) {
      apply(writes);
    },

    durability() {
      return { journalMode: db.pragma('journal_mode', { simple: true }) as string, synchronous: db.pragma('synchronous', { simple: true }) as number };
    },

    purge() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },

    close() {
      if (db.open) db.close();
    },
  };
}
