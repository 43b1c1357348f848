import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite';
import { describeStoreContract } from '../support/storeContract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStoreContract('SQLite in a temporary data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  dirs.push(dir);
  return openSqliteStore(dir);
});

describe('SQLite store on disk', () => {
  it('keeps documents across reopening the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const first = openSqliteStore(dir);
    await first.commit([{ op: 'create', collection: 'applications', id: 'a', doc: { status: 'pending' } }]);
    first.close();
    const second = openSqliteStore(dir);
    expect(await second.get('applications', 'a')).toMatchObject({ status: 'pending', _version: 1 });
    second.close();
  });
});

describe('durability', () => {
  it('syncs the write-ahead log on every commit, so an answered write survives a power cut', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const store = openSqliteStore(dir);
    // SQLite's levels: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. NORMAL in WAL mode can lose the last commits.
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
  });
});
