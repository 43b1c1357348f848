// A real backend for tests: SQLite in a temporary data directory, real file storage, the development
// verifier and a clock the test sets. Nothing is mocked: WeChat's face check is the only stand-in, and
// it is the development verifier the local host itself uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName, Result } from '../../miniprogram/domain/contract';
import type { Context } from '../../server/context';
import { runFunction } from '../../server/functions';
import { personKeyer, randomId, randomSecret } from '../../server/ids';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../../server/local/secrets';
import { DEFAULT_CARD_FEE } from '../../server/settings';
import { localFiles, type LocalFiles } from '../../server/local/fileStorage';
import { openSqliteStore } from '../../server/store/sqlite';
import { COLLECTION_NAMES, type Store } from '../../server/store/types';
import { developmentVerifier } from '../../server/verification/development';
import { DEFAULT_NOTIFICATION_CONFIG } from '../../server/notifications/config';
import { developmentNotifier } from '../../server/notifications/development';
import { PNG_BYTES } from './images';

export interface World {
  store: Store;
  files: LocalFiles;
  /** The context a handler gets when `openid` calls now, as the entries build it. */
  context(openid: string): Context;
  now: number;
  setNow(iso: string): void;
  call<T = unknown>(openid: string, action: string, payload?: unknown, requestId?: string): Promise<Result<T>>;
  /** Calls the staff function. */
  staff<T = unknown>(openid: string, action: string, payload?: unknown, requestId?: string): Promise<Result<T>>;
  /** Gives `openid` a staff record for these districts, as the server's staff records would. */
  grant(openid: string, districts: string[] | 'all'): Promise<void>;
  upload(openid: string): Promise<string>;
  /** Puts bytes at a storage path as a client's upload would, recording no owner (confirmUpload does). */
  place(cloudPath: string, bytes?: Buffer): Promise<string>;
  /** An upload as the mini-program makes it: prepareUpload, the bytes to the path, confirmUpload; the file id. */
  uploadConfirmed(openid: string, bytes?: Buffer): Promise<string>;
  /** Document counts per collection, to prove a failed request wrote nothing. */
  counts(): Promise<Record<string, number>>;
  close(): void;
}

export interface WorldOptions {
  /** The data directory to use and keep (default: a new one, removed on close). */
  dir?: string;
  /** How person keys are made (default: the keyed hash under the data directory's secret). */
  personKey?: (idNumber: string) => string;
}

export function createWorld(startIso = '2026-09-01T00:30:00+08:00', options: WorldOptions = {}): World {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'world-'));
  const store = openSqliteStore(dir);
  const files = localFiles(dir, store);
  const verifier = developmentVerifier();
  const personKey = options.personKey ?? personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE));
  const notifications = { config: DEFAULT_NOTIFICATION_CONFIG, notifier: developmentNotifier(store) };
  const context = (openid: string): Context => ({
    openid,
    now: world.now,
    store,
    verifier,
    files,
    settings: { cardFee: DEFAULT_CARD_FEE },
    personKey,
    newId: randomId,
    newSecret: randomSecret,
    notifications,
  });
  const invoke = (fn: FunctionName, openid: string, action: string, payload?: unknown, requestId?: string) => {
    const ctx = context(openid);
    const data = { action, ...(payload !== undefined ? { payload } : {}), ...(requestId !== undefined ? { requestId } : {}) };
    return runFunction(fn, ctx, data) as Promise<Result<never>>;
  };
  const world: World = {
    store,
    files,
    context,
    now: Date.parse(startIso),
    setNow(iso) {
      world.now = Date.parse(iso);
    },
    call(openid, action, payload, requestId) {
      return invoke('resident', openid, action, payload, requestId);
    },
    staff(openid, action, payload, requestId) {
      return invoke('staff', openid, action, payload, requestId);
    },
    async grant(openid, districts) {
      await store.commit([{ op: 'create', collection: 'staff', id: openid, doc: { districts } }]);
    },
    upload(openid) {
      return files.save(openid, PNG_BYTES, 'image/png', world.now);
    },
    async place(cloudPath, bytes = PNG_BYTES) {
      const stored = await files.saveAt(cloudPath, bytes);
      if (stored === 'taken') throw new Error(`${cloudPath} holds a file already`);
      return stored;
    },
    async uploadConfirmed(openid, bytes = PNG_BYTES) {
      const { cloudPath } = unwrap(await world.call<{ cloudPath: string }>(openid, 'prepareUpload', { extension: 'png' }));
      const fileId = await world.place(cloudPath, bytes);
      return unwrap(await world.call<{ fileId: string }>(openid, 'confirmUpload', { fileId })).fileId;
    },
    async counts() {
      const result: Record<string, number> = {};
      for (const collection of COLLECTION_NAMES) {
        result[collection] = (await store.find(collection, { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 })).length;
      }
      return result;
    },
    close() {
      store.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data;
}
