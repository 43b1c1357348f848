// A walk over a whole collection reads it a page at a time in the query's order, and lets whatever came
// meanwhile run between pages: a walk over the whole city never holds the host's thread for all of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsOf, pagesOf, WHOLE_COLLECTION } from '../../server/store/pages';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite';

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pages-'));
  store = openSqliteStore(dir);
  await store.commit(Array.from({ length: 25 }, (_, i) => ({ op: 'create' as const, collection: 'locks' as const, id: `l${String(i).padStart(2, '0')}`, doc: {} })));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads every document once, in order, a page at a time', async () => {
  const pages: string[][] = [];
  for await (const page of pagesOf(store, 'locks', WHOLE_COLLECTION, 10)) pages.push(page.map((d) => d._id));
  expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
  expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `l${String(i).padStart(2, '0')}`));
});

it('serves what is waiting between one page and the next', async () => {
  const order: string[] = [];
  const { find } = store;
  store.find = ((...args: Parameters<typeof find>) => {
    order.push('page');
    // A request arrives while this page is read: it must run before the next page is.
    if (order.length === 1) setImmediate(() => order.push('request'));
    return find.apply(store, args);
  }) as typeof find;
  let seen = 0;
  for await (const _doc of docsOf(store, 'locks', WHOLE_COLLECTION, 10)) seen++;
  expect(seen).toBe(25);
  expect(order).toEqual(['page', 'request', 'page', 'page']);
});
