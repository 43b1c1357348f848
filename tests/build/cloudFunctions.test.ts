// The cloud functions as WeChat deploys them: `npm run build:functions` writes each bundle offline, each
// loads in a bare Node process, and, through the real wx-server-sdk over the in-memory backend (WeChat's
// cloud cannot be reached from here), the bundles' `main` answers a declaration and its approval, and the
// scheduler its timer. Identity comes as in the cloud: from the environment getWXContext reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';
import { ALICE, declarationFields } from '../support/declarations';
import { PNG_BYTES } from '../support/images';
import { COLLECTION_NAMES } from '../../server/store/types';

const root = join(__dirname, '..', '..');
const FUNCTIONS = ['resident', 'staff', 'scheduler'] as const;
type Main = (event: Record<string, unknown>, context: Record<string, unknown>) => Promise<{ ok: boolean; data?: any; error?: any }>;

const CONFIG = { PERSON_KEY_SECRET: 'e1'.repeat(32), DEPLOYMENT: 'develop', VERIFIER: 'development', NOTIFIER: 'development' };
const OFFICER = 'officer-1';
const saved = { ...process.env };

let memory: MemoryCloud;
let mains: Record<(typeof FUNCTIONS)[number], Main>;

/** As the cloud sets it for one invocation: the caller's openid (none for a timer) and the environment. */
function callAs(openid: string | null): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_APPID = 'wx-city';
  if (openid === null) delete process.env.WX_OPENID;
  else process.env.WX_OPENID = openid;
}

/** The database as the bundles reach it, through the same SDK. */
const db = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('wx-server-sdk') as { database(): { collection(name: string): { add(options: { data: Record<string, unknown> }): Promise<unknown> } } }).database();

const loadBundle = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(root, 'cloudfunctions', name, 'index.js')) as { main: Main }).main;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts/build-functions.mjs')], { cwd: root, stdio: 'pipe' });
  // An environment id as long as the cloud makes them (a name and a random suffix): its file ids run past 128 characters.
  memory = await installMemoryCloud({ env: 'changsha-permit-dev-7g8h9k2', collections: COLLECTION_NAMES });
  Object.assign(process.env, CONFIG, { TCB_ENV: memory.env });
  mains = Object.fromEntries(FUNCTIONS.map((name) => [name, loadBundle(name)])) as typeof mains;
}, 60_000);
afterAll(async () => {
  process.env = saved;
  await memory.close();
});

describe('the built bundles', () => {
  it.each(FUNCTIONS)('%s loads alone in Node, with wx-server-sdk its only outside module', (name) => {
    const run = spawnSync(process.execPath, ['-e', `require('./cloudfunctions/${name}/index.js')`], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bundle = readFileSync(join(root, 'cloudfunctions', name, 'index.js'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'));
    expect([...new Set(required)].filter((m) => !['crypto', 'http', 'https', 'fs', 'path', 'os', 'util', 'url', 'stream', 'events'].includes(m))).toEqual(['wx-server-sdk']);
    // The local host's development routes (the clock, staff grants, the outbox) exist only on a laptop.
    expect(bundle).not.toMatch(/\/api\/dev\b/);
    const manifest = JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
  });

  it('gives the scheduler a daily timer at 09:07 China time (timers run in UTC+8; the top of the hour is their busiest moment)', () => {
    const config = JSON.parse(readFileSync(join(root, 'cloudfunctions/scheduler/config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: 'daily', type: 'timer', config: '0 7 9 * * * *' }]);
    for (const name of FUNCTIONS)
      expect(JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8')).permissions.openapi).toEqual(['subscribeMessage.send']);
  });
});

describe('a declaration and its approval through main(event, context)', () => {
  let sequence = 0;
  const call = (fn: (typeof FUNCTIONS)[number], openid: string | null, action: string, payload?: unknown, writes = false) => {
    callAs(openid);
    return mains[fn](
      { action, ...(payload === undefined ? {} : { payload }), ...(writes ? { requestId: `r-${++sequence}` } : {}), userInfo: { appId: 'wx-city', openId: openid } },
      {},
    );
  };
  const ok = async (answer: Promise<{ ok: boolean; data?: any; error?: any }>) => {
    const result = await answer;
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const upload = async (openid: string) => {
    const { cloudPath } = await ok(call('resident', openid, 'prepareUpload', { extension: 'png' }));
    const fileId = memory.upload(cloudPath, PNG_BYTES);
    expect(fileId.length).toBeGreaterThan(128);
    return (await ok(call('resident', openid, 'confirmUpload', { fileId }))).fileId as string;
  };

  it('declares, is approved by staff, and the resident sees it approved with links to the photos', async () => {
    const { verifyId } = await ok(call('resident', ALICE.openid, 'startVerification', { name: ALICE.name, idNumber: ALICE.idNumber }));
    const { verificationToken } = await ok(call('resident', ALICE.openid, 'finishVerification', { verifyId }));
    const declaration = await ok(
      call(
        'resident',
        ALICE.openid,
        'submitDeclaration',
        { verificationToken, ...declarationFields(ALICE), materials: { idFront: await upload(ALICE.openid), proofs: [await upload(ALICE.openid)] } },
        true,
      ),
    );
    expect(declaration).toMatchObject({ kind: 'declaration', status: 'pending' });

    // Not yet staff: the server's own records decide, not the caller.
    expect(await call('staff', OFFICER, 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A staff record as a deployment writes it: a document of the staff collection, at version 1.
    await db()
      .collection('staff')
      .add({ data: { _id: OFFICER, districts: ['430104'], _version: 1 } });
    const queue = await ok(call('staff', OFFICER, 'queue', {}));
    expect(queue.items.map((item: { id: string }) => item.id)).toEqual([declaration.id]);
    expect(await ok(call('staff', OFFICER, 'approve', { id: declaration.id }, true))).toMatchObject({ status: 'approved' });

    const seen = await ok(call('resident', ALICE.openid, 'getApplication', { id: declaration.id }));
    expect(seen).toMatchObject({ status: 'approved' });
    expect(seen.materials.idFront.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // The decision's notification went to the outbox in the same transaction.
    expect(memory.documents('notifications').map((n) => n.event)).toContain('review_approved');
  });

  it('answers a caller without an identity as unauthenticated', async () => {
    expect(await call('resident', null, 'overview')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('runs the scheduler for its timer trigger, and refuses any caller with an OPENID', async () => {
    callAs(null);
    const run = await mains.scheduler({ Type: 'Timer', TriggerName: 'daily', Time: '2026-12-02T01:07:00Z', Message: '' }, {});
    expect(run).toMatchObject({ ok: true, data: { created: expect.any(Number), delivered: expect.any(Number), failed: 0, pruned: expect.any(Number) } });
    callAs(ALICE.openid);
    expect(await mains.scheduler({ Type: 'Timer', action: 'run' }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    callAs(null);
    expect(await mains.scheduler({ action: 'run' }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses to run without the person-key secret, saying so in the log and nothing to the caller', async () => {
    // An environment whose functions were deployed without the secret: its configuration is read afresh.
    delete process.env.PERSON_KEY_SECRET;
    process.env.TCB_ENV = 'unconfigured-env';
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      callAs(ALICE.openid);
      expect(await mains.resident({ action: 'overview' }, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('cloud function resident: PERSON_KEY_SECRET is not set'));
    } finally {
      errors.mockRestore();
      process.env.PERSON_KEY_SECRET = CONFIG.PERSON_KEY_SECRET;
      process.env.TCB_ENV = memory.env;
    }
  });
});
