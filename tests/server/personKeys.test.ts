// Person keys: an HMAC under the data directory's secret, so the store cannot be reversed by trying
// every valid ID number, and a store keyed the old way is rekeyed on start without losing anything.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legacyPersonKey, personKeyer } from '../../server/ids';
import { start } from '../../server/local/main';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../../server/local/secrets';
import { migratePersonKeys, PersonKeySecretMismatch } from '../../server/migrations/personKeys';
import { openSqliteStore } from '../../server/store/sqlite';
import { ALICE, BOB, declare, verify } from '../support/declarations';
import { createWorld, unwrap } from '../support/world';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every stored byte of the data directory's store, as text. */
const storeText = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith('store.sqlite'))
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('');

describe('personKeyer', () => {
  it('keys by the secret: the same number gives the same key, another secret another key, never the bare hash', () => {
    const a = personKeyer('a'.repeat(64));
    const b = personKeyer('b'.repeat(64));
    expect(a(ALICE.idNumber)).toBe(a(ALICE.idNumber));
    expect(a(ALICE.idNumber)).not.toBe(a(BOB.idNumber));
    expect(a(ALICE.idNumber)).not.toBe(b(ALICE.idNumber));
    expect(a(ALICE.idNumber)).not.toBe(legacyPersonKey(ALICE.idNumber));
    expect(a(ALICE.idNumber)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a short secret', () => {
    expect(() => personKeyer('short')).toThrow(/at least 64/);
  });

  it.each([
    ['empty', ''],
    ['short', 'abc123'],
    ['not hex', 'z'.repeat(64)],
  ])('refuses a secret file that is %s, never keying with it', (_label, text) => {
    const dir = newDir();
    writeFileSync(join(dir, PERSON_KEY_SECRET_FILE), text);
    expect(() => dataDirSecret(dir, PERSON_KEY_SECRET_FILE)).toThrow(/not a secret this host made/);
  });

  it('makes the data directory secret once, readable by its owner only, and reads the same one back', () => {
    const dir = newDir();
    const first = dataDirSecret(dir, PERSON_KEY_SECRET_FILE);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(dataDirSecret(dir, PERSON_KEY_SECRET_FILE)).toBe(first);
    const { statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    expect(statSync(join(dir, PERSON_KEY_SECRET_FILE)).mode & 0o777).toBe(0o600);
  });
});

it('stores the keyed hash, never the bare one', async () => {
  const dir = newDir();
  const world = createWorld('2026-09-01T10:00:00+08:00', { dir });
  const app = await declare(world, ALICE);
  const stored = await world.store.get<{ idHash: string }>('applications', app.id);
  world.close();
  const keyed = personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE))(ALICE.idNumber);
  expect(stored?.idHash).toBe(keyed);
  expect(storeText(dir).includes(legacyPersonKey(ALICE.idNumber))).toBe(false);
});

describe('rekeying a store made with the bare hash', () => {
  it('rewrites every key on start; the pending lock, the approved declaration and the staff queue go on working', async () => {
    const dir = newDir();
    const old = createWorld('2026-09-01T10:00:00+08:00', { dir, personKey: legacyPersonKey });
    await old.grant('officer', ['430104']);
    const approved = await declare(old, BOB);
    unwrap(await old.staff('officer', 'approve', { id: approved.id }, 'approve-1'));
    const pending = await declare(old, ALICE);
    // A verification in flight holds only the bare hash: it is dropped and done again.
    await verify(old, ALICE.openid, ALICE.name, ALICE.idNumber);
    old.close();
    expect(storeText(dir).includes(legacyPersonKey(ALICE.idNumber))).toBe(true);

    const host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T11:00:00+08:00' }, true);
    try {
      const call = async (openid: string, fn: string, body: unknown) =>
        (await fetch(`${host.url}/api/functions/${fn}`, { method: 'POST', headers: { 'X-Openid': openid }, body: JSON.stringify(body) })).json() as Promise<any>;
      const overview = await call(BOB.openid, 'resident', { action: 'overview' });
      expect(overview.data.declaration).toMatchObject({ id: approved.id, status: 'approved' });
      const queue = await call('officer', 'staff', { action: 'queue' });
      expect(queue.data.items.map((i: { id: string }) => i.id)).toContain(pending.id);
    } finally {
      await host.stop();
    }
    const after = createWorld('2026-09-01T12:00:00+08:00', { dir });
    expect(await after.counts()).toMatchObject({ verifications: 0, tokens: 0, locks: 1 });
    // The rekeyed lock still keeps Alice to one pending declaration.
    await expect(declare(after, ALICE)).rejects.toThrow(/CONFLICT/);
    after.close();
    // Not in a live document, nor in a free page or the log.
    const text = storeText(dir);
    expect([ALICE, BOB].map((person) => text.includes(legacyPersonKey(person.idNumber)))).toEqual([false, false]);
  });

  it('purges the old keys of a store that held only a face check in progress', async () => {
    const dir = newDir();
    const old = createWorld('2026-09-01T10:00:00+08:00', { dir, personKey: legacyPersonKey });
    await verify(old, ALICE.openid, ALICE.name, ALICE.idNumber);
    old.close();
    const host = await start({ PORT: '0', DATA_DIR: dir }, true);
    await host.stop();
    expect(storeText(dir).includes(legacyPersonKey(ALICE.idNumber))).toBe(false);
  });

  it('purges the old keys when it finishes a rekeying that an earlier run left halfway', async () => {
    const dir = newDir();
    const old = createWorld('2026-09-01T10:00:00+08:00', { dir, personKey: legacyPersonKey });
    await declare(old, ALICE);
    old.close();
    const store = openSqliteStore(dir);
    const key = personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE));
    // The first run dies after rekeying the applications, before it marks the store.
    const commit = store.commit.bind(store);
    let batches = 0;
    store.commit = async (writes) => {
      if (++batches > 1) throw new Error('power cut');
      return commit(writes);
    };
    await expect(migratePersonKeys(store, key)).rejects.toThrow('power cut');
    store.close();
    const host = await start({ PORT: '0', DATA_DIR: dir }, true);
    await host.stop();
    expect(storeText(dir).includes(legacyPersonKey(ALICE.idNumber))).toBe(false);
  });

  it('does nothing the second time, and refuses a secret that is not the one the store was keyed with', async () => {
    const dir = newDir();
    const store = openSqliteStore(dir);
    const key = personKeyer('c'.repeat(64));
    expect(await migratePersonKeys(store, key)).toEqual({ moved: 0, rekeyed: true });
    expect(await migratePersonKeys(store, key)).toEqual({ moved: 0, rekeyed: false });
    await expect(migratePersonKeys(store, personKeyer('d'.repeat(64)))).rejects.toBeInstanceOf(PersonKeySecretMismatch);
    store.close();
  });
});
