// The host killed mid-stream: a real host process takes submissions and uploads from several
// clients at once and is SIGKILLed at a random moment, again and again, then restarted on the same
// DATA_DIR. Every answered submission and upload must be there, whole, and nothing half-written;
// a request cut off by the kill, sent again with its request id, is stored once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/types';
import { hostClient } from '../support/hostClient';
import { PNG_BYTES } from '../support/images';

const root = join(__dirname, '..', '..');
const KILLS = 4;
const CLIENTS = 4;
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crash-'));
  // Its own bundle: another test building the shared one at the same moment cannot disturb this one.
  // Inside the project, so that it finds node_modules.
  bundle = join(root, '.build', `host-crash-${process.pid}.cjs`);
  const script = `import(${JSON.stringify(join(root, 'scripts/build-host.mjs'))}).then((m) => m.buildHost(${JSON.stringify(bundle)}))`;
  expect(spawnSync(process.execPath, ['-e', script], { cwd: root }).status).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

/** Starts the host as its own process on the shared DATA_DIR and answers its URL once it is ready. */
async function startHost(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(bundle)}).serve()`], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: join(dir, 'data'), APP_NOW: '2026-09-01T10:00:00+08:00' },
  });
  let stdout = '';
  child.stdout?.on('data', (d) => (stdout += d));
  for (let i = 0; i < 400 && !/ready at (\S+)/.test(stdout); i++) await new Promise((r) => setTimeout(r, 25));
  const url = /ready at (\S+)/.exec(stdout)?.[1];
  if (!url) throw new Error(`host did not start: ${stdout}`);
  return { child, url };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Sent {
  person: { openid: string; name: string; idNumber: string };
  requestId: string;
  payload: unknown;
  /** The application id, once the host answered. */
  id?: string;
}

let serial = 0;
function nextPerson(): Sent['person'] {
  const n = ++serial;
  const first17 = `430104199${n % 10}0${1 + (n % 9)}${String(10 + (n % 18)).padStart(2, '0')}${String(n).padStart(3, '0')}`;
  return { openid: `crash-${n}`, name: '测试', idNumber: first17 + checkDigit(first17) };
}

it(`keeps every answered submission and upload across ${KILLS} kills mid-stream`, async () => {
  const sent: Sent[] = [];
  const uploads: { fileId: string; owner: string; bytes: Buffer }[] = [];
  for (let round = 0; round < KILLS; round++) {
    const { child, url } = await startHost();
    const client = hostClient(url);
    let running = true;
    const worker = async () => {
      while (running) {
        try {
          const person = nextPerson();
          const bytes = Buffer.concat([PNG_BYTES, Buffer.from(`${person.openid}`)]);
          const fileId = await client.upload(person.openid, bytes);
          uploads.push({ fileId, owner: person.openid, bytes });
          const entry: Sent = { person, requestId: `submit-${person.openid}`, payload: await client.declarationPayload(person) };
          sent.push(entry);
          const answer = await client.call('resident', person.openid, 'submitDeclaration', entry.payload, entry.requestId);
          if (answer.body.ok) entry.id = answer.body.data.id;
        } catch {
          // The host died under this request: what it had not answered is not counted as stored.
        }
      }
    };
    const answeredBefore = sent.filter((s) => s.id).length;
    const workers = Array.from({ length: CLIENTS }, worker);
    // Each round stores something before the kill, however loaded the machine is, then dies at a random moment.
    for (let i = 0; i < 400 && sent.filter((s) => s.id).length === answeredBefore; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 500)));
    await killed(child);
    running = false;
    await Promise.all(workers);
  }
  const answered = sent.filter((s) => s.id);
  expect(answered.length).toBeGreaterThan(KILLS);

  const { child, url } = await startHost();
  try {
    const client = hostClient(url);
    for (const s of answered) {
      const detail = await client.call('resident', s.person.openid, 'getApplication', { id: s.id });
      expect([s.id, detail.body.ok, detail.body.data?.status]).toEqual([s.id, true, 'pending']);
    }
    for (const u of uploads) {
      const res = await fetch(`${url}/api/files/${u.fileId}`, { headers: { 'X-Openid': u.owner } });
      expect(Buffer.from(await res.arrayBuffer()).equals(u.bytes)).toBe(true);
    }
    // Sent again with the same request id, a request the kill cut off is stored once, and an answered one answers the same.
    for (const s of sent) {
      const again = await client.call('resident', s.person.openid, 'submitDeclaration', s.payload, s.requestId);
      if (s.id) expect(again.body.data?.id).toBe(s.id);
      const list = await client.call('resident', s.person.openid, 'listApplications');
      expect([s.person.openid, list.body.data.items.length]).toEqual([s.person.openid, again.body.ok ? 1 : 0]);
    }
  } finally {
    await killed(child);
  }
  await expectNothingHalfWritten(join(dir, 'data'));
});

/** Every application has its first event, its lock and its request record; every file record its bytes. */
async function expectNothingHalfWritten(dataDir: string): Promise<void> {
  const store = openSqliteStore(dataDir);
  const all = (collection: Parameters<Store['find']>[0]) => store.find<Record<string, any>>(collection, { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
  try {
    const applications = await all('applications');
    const events = await all('events');
    const locks = await all('locks');
    const requests = await all('requests');
    for (const app of applications) {
      expect(events.filter((e) => e.applicationId === app._id).map((e) => e.seq)).toEqual([1]);
      expect(locks.filter((l) => l.applicationId === app._id)).toHaveLength(1);
      expect(requests.filter((r) => r.result?.id === app._id)).toHaveLength(1);
    }
    expect(locks.every((l) => applications.some((a) => a._id === l.applicationId))).toBe(true);
    expect(events.every((e) => applications.some((a) => a._id === e.applicationId))).toBe(true);
    for (const file of await all('files')) {
      const path = join(dataDir, 'files', file._id);
      expect([file._id, existsSync(path) && statSync(path).size]).toEqual([file._id, file.size]);
      expect(readFileSync(path).subarray(0, 8).equals(PNG_BYTES.subarray(0, 8))).toBe(true);
    }
  } finally {
    store.close();
  }
}
