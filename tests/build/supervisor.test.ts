// The first supervisor of a cloud environment, written by `npm run supervisor` through the CloudBase store:
// over the in-memory cloud behind the real wx-server-sdk (Tencent Cloud cannot be reached from here), and
// spawned without keys or with bad arguments, which it names in one line each.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEPLOYMENT_ACTOR, main, type Io } from '../../scripts/supervisor/main';
import { runFunction } from '../../server/functions';
import { openCloudStore, type CloudDatabase } from '../../server/store/cloudbase';
import { COLLECTION_NAMES, type Store } from '../../server/store/types';
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';
import { createWorld, type World } from '../support/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as { init(options: Record<string, unknown>): void; database(options: { throwOnNotFound: boolean }): CloudDatabase };
const root = join(__dirname, '..', '..');
const KEYS = { TENCENTCLOUD_SECRETID: 'AKIDsecretid', TENCENTCLOUD_SECRETKEY: 'secretkey-text', CLOUDBASE_ENV: 'changsha-permit-prod' };
const ARGS = ['--openid', 'oChief123', '--districts', '430104,430111', '--name', '周建华', '--badge', 'CS01234'];

let memory: MemoryCloud;
let store: Store;
let lines: { out: string[]; err: string[] };
let io: Io;
beforeAll(async () => {
  memory = await installMemoryCloud({ collections: COLLECTION_NAMES });
  sdk.init({ env: memory.env });
});
afterAll(() => memory.close());
beforeEach(() => {
  memory.reset();
  store = openCloudStore(sdk.database({ throwOnNotFound: false }), { backoffMs: () => 0 });
  lines = { out: [], err: [] };
  io = { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line), connect: () => store };
});

describe('npm run supervisor', () => {
  it('gives the first supervisor their role, recorded as the deployment’s, and the staff function honours it', async () => {
    expect(await main(ARGS, KEYS, io)).toBe(0);
    expect(lines.out).toEqual(['supervisor: granted 周建华 (CS01234) as supervisor of 430104, 430111 in changsha-permit-prod']);
    expect(memory.documents('staff')).toEqual([{ _id: 'oChief123', _version: 1, districts: ['430104', '430111'], name: '周建华', badge: 'CS01234', supervisor: true }]);
    expect(memory.documents('audit')).toEqual([expect.objectContaining({ action: 'grantStaff', actor: DEPLOYMENT_ACTOR, openid: 'oChief123', before: null })]);

    // The supervisor now grants an officer through the staff function, on the same cloud store.
    const world: World = createWorld();
    try {
      const granted = await runFunction(
        'staff',
        { ...world.context('oChief123'), store },
        { action: 'grantStaff', requestId: 'first-officer', payload: { openid: 'oOfficer1', districts: ['430104'], name: '李强', badge: 'CS02001' } },
      );
      expect(granted).toMatchObject({ ok: true, data: { openid: 'oOfficer1', supervisor: false } });
    } finally {
      world.close();
    }
    expect(memory.documents('audit')).toHaveLength(2);
  });

  it('updates a role that exists, at its version, and says so', async () => {
    await main(ARGS, KEYS, io);
    expect(await main([...ARGS.slice(0, 2), '--districts', 'all', ...ARGS.slice(4)], KEYS, io)).toBe(0);
    expect(lines.out[1]).toBe('supervisor: updated 周建华 (CS01234) as supervisor of 全市 in changsha-permit-prod');
    expect(memory.documents('staff')).toEqual([expect.objectContaining({ districts: 'all', _version: 2 })]);
  });

  it('reports a store failure in one line, without the keys', async () => {
    memory.failNext('database.getDocument', { code: 'DATABASE_PERMISSION_DENIED', message: `denied for ${KEYS.TENCENTCLOUD_SECRETKEY}` });
    expect(await main(ARGS, KEYS, io)).toBe(1);
    expect(lines.err).toHaveLength(1);
    expect(lines.err[0]).toMatch(/^supervisor: cloud database get staff: errCode -502003/);
    expect(lines.err[0]).not.toContain(KEYS.TENCENTCLOUD_SECRETKEY);
  });

  const run = (args: string[], env: Record<string, string> = {}) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TENCENTCLOUD_') && key !== 'CLOUDBASE_ENV'));
    return spawnSync(process.execPath, [join(root, 'scripts/supervisor.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...clean, ...env } });
  };

  it('says which keys are missing, and exits non-zero', () => {
    const result = run(ARGS);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("supervisor: set TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV to write to the environment's database");
  });

  it('names every bad argument, as the staff function would, before it needs any key', () => {
    const result = run(['--openid', 'has space', '--districts', '999999', '--name', 'x', '--badge', '警号'], KEYS);
    expect(result.status).toBe(1);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .map((line) => line.split(':')[1].trim()),
    ).toEqual(['--openid', '--districts', '--name', '--badge']);
    expect(run(['--role', 'x']).stderr.trim()).toBe('supervisor: unknown argument --role; the options are --openid, --districts, --name, --badge');
  });
});
