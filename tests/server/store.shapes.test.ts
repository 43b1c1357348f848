// Every query shape the server uses is served by its own index in SQLite's real plan, for both its filter
// and its order; a query of any other shape is refused; and batches committed together stay independent.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { QUERY_SHAPES } from '../../server/store/shapes';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite';
import { StoreConflict, type Query } from '../../server/store/types';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shapes-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A query of the shape, with a value for each field (the sparse index's field is present). */
function sample(shape: (typeof QUERY_SHAPES)[number], after = false): Query {
  const where = Object.fromEntries(shape.equals.map((field) => [field, field === 'waiting' ? true : 'x']));
  return { where, orderBy: { field: shape.orderBy, direction: 'asc' }, limit: 20, ...(after ? { after: { value: 'x', id: 'y' } } : {}) };
}

it.each(QUERY_SHAPES.map((shape) => [shape.name, shape] as const))('%s: one index serves the filter and the order, paged or not', (name, shape) => {
  for (const query of [sample(shape), sample(shape, true), { ...sample(shape), orderBy: { field: shape.orderBy, direction: 'desc' as const } }]) {
    const plan = store.explain(shape.collection, query).join(' | ');
    expect(plan).toContain(`USING INDEX ${name}`);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN docs(?! USING)/);
  }
});

it('walks a collection by key on the key index, resuming at its position', () => {
  const plan = store.explain('applications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 500, after: { value: 'a', id: 'a' } }).join(' | ');
  expect(plan).toContain('USING INDEX docs_key (collection=? AND id>?)');
  expect(plan).not.toContain('TEMP B-TREE');
});

it('refuses a query no index serves, naming its shape', async () => {
  await expect(store.find('applications', { where: { status: 'pending' }, orderBy: { field: 'dueOn', direction: 'asc' }, limit: 10 })).rejects.toThrow(
    'no index serves this query on applications: where status, by dueOn',
  );
  // A sparse index holds no document without its field, so it cannot find those.
  await expect(store.find('applications', { where: { waiting: null }, orderBy: { field: 'dueOn', direction: 'asc' }, limit: 10 })).rejects.toThrow('no index serves');
});

it('indexes each collection only where its own queries look: other collections’ writes touch no secondary index', () => {
  store.close();
  const db = new Database(join(dir, 'store.sqlite'), { readonly: true });
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  db.close();
  const secondary = indexes.filter((i) => i.name !== 'docs_key');
  expect(secondary.map((i) => i.name).sort()).toEqual(QUERY_SHAPES.map((s) => s.name).sort());
  for (const { sql } of secondary) expect(sql).toMatch(/WHERE collection = '[a-z]+'/);
  expect(secondary.some((i) => i.sql.includes("'locks'") || i.sql.includes("'files'"))).toBe(false);
  store = openSqliteStore(dir);
});

it('replaces an index whose definition changed when the store opens again', () => {
  store.close();
  const db = new Database(join(dir, 'store.sqlite'));
  db.exec('DROP INDEX applications_by_owner');
  db.exec("CREATE INDEX applications_by_owner ON docs (collection, json_extract(body, '$.ownerOpenid'))");
  db.exec("CREATE INDEX retired_index ON docs (json_extract(body, '$.status'))");
  db.close();
  store = openSqliteStore(dir);
  expect(store.explain('applications', { where: { ownerOpenid: 'me' }, orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 5 }).join(' ')).toContain(
    'USING INDEX applications_by_owner',
  );
  store.close();
  const check = new Database(join(dir, 'store.sqlite'), { readonly: true });
  const names = (check.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
  const owner = check.prepare("SELECT sql FROM sqlite_master WHERE name = 'applications_by_owner'").get() as { sql: string };
  check.close();
  expect(names).not.toContain('retired_index');
  expect(owner.sql).toContain("WHERE collection = 'applications'");
  store = openSqliteStore(dir);
});

it('commits batches sent in the same turn together, and a refused one alone rolls back', async () => {
  await store.commit([{ op: 'create', collection: 'locks', id: 'taken', doc: {} }]);
  const outcomes = await Promise.allSettled([
    store.commit([{ op: 'create', collection: 'locks', id: 'one', doc: { n: 1 } }]),
    store.commit([
      { op: 'create', collection: 'locks', id: 'half', doc: {} },
      { op: 'create', collection: 'locks', id: 'taken', doc: {} },
    ]),
    store.commit([{ op: 'create', collection: 'locks', id: 'two', doc: { n: 2 } }]),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflict);
  expect(await store.get('locks', 'one')).toMatchObject({ n: 1 });
  expect(await store.get('locks', 'two')).toMatchObject({ n: 2 });
  expect(await store.get('locks', 'half')).toBeNull();
  // Each answered commit is on disk: a second connection reads it.
  const other = openSqliteStore(dir);
  expect(await other.get('locks', 'two')).toMatchObject({ n: 2 });
  other.close();
});

it('moves a store whose key was the table’s own into the keyed table once, keeping every document and version', async () => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written = new Database(join(dir, 'store.sqlite'));
  written.exec('CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID');
  written.exec("CREATE INDEX applications_by_owner ON docs (collection, json_extract(body, '$.ownerOpenid'), json_extract(body, '$.submittedAt'))");
  written.prepare('INSERT INTO docs VALUES (?, ?, ?, ?)').run('applications', 'a1', 3, JSON.stringify({ ownerOpenid: 'me', submittedAt: 5 }));
  written.prepare('INSERT INTO docs VALUES (?, ?, ?, ?)').run('locks', 'l1', 1, '{}');
  written.close();

  store = openSqliteStore(dir);
  expect(await store.get('applications', 'a1')).toEqual({ ownerOpenid: 'me', submittedAt: 5, _id: 'a1', _version: 3 });
  expect((await store.find('applications', { where: { ownerOpenid: 'me' }, orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 5 })).map((d) => d._id)).toEqual(['a1']);
  await expect(store.commit([{ op: 'create', collection: 'locks', id: 'l1', doc: {} }])).rejects.toBeInstanceOf(StoreConflict);
  store.close();
  const check = new Database(join(dir, 'store.sqlite'), { readonly: true });
  const table = check.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'docs'").get() as { sql: string };
  const leftovers = check.prepare("SELECT name FROM sqlite_master WHERE name = 'docs_without_rowid'").all();
  check.close();
  expect(table.sql).not.toMatch(/WITHOUT ROWID/i);
  expect(leftovers).toEqual([]);
  store = openSqliteStore(dir);
});

it('refuses every batch of a group when the store itself fails, and writes none of them', async () => {
  const outcomes = await Promise.allSettled([
    store.commit([{ op: 'create', collection: 'locks', id: 'fine', doc: {} }]),
    // A value JSON cannot hold fails inside the store, as a full disk would: not a refused precondition.
    store.commit([{ op: 'create', collection: 'locks', id: 'broken', doc: { n: BigInt(1) } }]),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  expect((outcomes[0] as PromiseRejectedResult).reason).not.toBeInstanceOf(StoreConflict);
  expect(await store.get('locks', 'fine')).toBeNull();
  // The store goes on: the next batch lands.
  await store.commit([{ op: 'create', collection: 'locks', id: 'fine', doc: {} }]);
  expect(await store.get('locks', 'fine')).not.toBeNull();
});

it('writes what was committed before it closed', async () => {
  const committed = store.commit([{ op: 'create', collection: 'locks', id: 'last', doc: { n: 1 } }]);
  store.close();
  await committed;
  store = openSqliteStore(dir);
  expect(await store.get('locks', 'last')).toMatchObject({ n: 1 });
});
