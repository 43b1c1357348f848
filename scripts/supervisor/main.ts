// `npm run supervisor -- --openid <openid> --districts all|<code>,<code> --name <name> --badge <badge>`: gives the
// first supervisor of a cloud environment their role, straight into its database with the city's Tencent Cloud
// keys (every later role is granted by a supervisor through the staff function). Recorded in the audit.
import { Checker } from '../../miniprogram/domain/validation';
import { randomId } from '../../server/ids';
import type { StaffRecord } from '../../server/context';
import { grantWrites, readDistricts, readIdentity, readOpenid } from '../../server/handlers/staff/grants';
import { openCloudStore, type CloudDatabase } from '../../server/store/cloudbase';
import type { Store } from '../../server/store/types';

export const KEY_VARIABLES = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'CLOUDBASE_ENV'] as const;
const OPTIONS = ['openid', 'districts', 'name', 'badge'] as const;
/** Who the audit names as having given the first role. */
export const DEPLOYMENT_ACTOR = { openid: 'deployment', name: '部署脚本' };

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The store of the environment; a store over the in-memory cloud in tests, where Tencent Cloud cannot be reached. */
  connect(env: Record<(typeof KEY_VARIABLES)[number], string>): Store;
}

function connectCloud(env: Record<(typeof KEY_VARIABLES)[number], string>): Store {
  // Loaded only with keys: checking the arguments needs none of it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as { init(options: Record<string, string>): void; database(options: { throwOnNotFound: boolean }): CloudDatabase };
  cloud.init({ env: env.CLOUDBASE_ENV, secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY });
  return openCloudStore(cloud.database({ throwOnNotFound: false }));
}

/** `--name value` pairs; anything else is reported. */
function optionsOf(argv: readonly string[]): { values: Record<string, string>; problem?: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(OPTIONS as readonly string[]).includes(name))
      return { values, problem: `unknown argument ${argv[i]}; the options are ${OPTIONS.map((o) => `--${o}`).join(', ')}` };
    if (argv[i + 1] === undefined) return { values, problem: `--${name} needs a value` };
    values[name] = argv[i + 1];
  }
  return { values };
}

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io = { out: console.log, err: console.error, connect: connectCloud },
): Promise<number> {
  const { values, problem } = optionsOf(argv);
  if (problem) {
    io.err(`supervisor: ${problem}`);
    return 1;
  }
  // Checked as the staff function checks a grant, so the first role is one the function itself could give.
  const c = new Checker();
  const openid = readOpenid(c, values.openid);
  const districts = readDistricts(c, values.districts === 'all' || values.districts === undefined ? values.districts : values.districts.split(','));
  const { name, badge } = readIdentity(c, values, true);
  if (!c.ok || !openid || !districts || !name || !badge) {
    for (const [field, message] of Object.entries(c.errors)) io.err(`supervisor: --${field}: ${message}`);
    return 1;
  }
  const missing = KEY_VARIABLES.filter((key) => !env[key]);
  if (missing.length > 0) {
    io.err(`supervisor: set ${missing.join(', ')} to write to the environment's database`);
    return 1;
  }
  const keys = Object.fromEntries(KEY_VARIABLES.map((key) => [key, env[key] as string])) as Record<(typeof KEY_VARIABLES)[number], string>;
  try {
    const store = io.connect(keys);
    const existing = await store.get<StaffRecord>('staff', openid);
    const record: StaffRecord = { districts, name, badge, supervisor: true };
    await store.commit(grantWrites(Date.now(), randomId(), DEPLOYMENT_ACTOR, openid, existing, record));
    const where = districts === 'all' ? '全市' : districts.join(', ');
    io.out(`supervisor: ${existing ? 'updated' : 'granted'} ${name} (${badge}) as supervisor of ${where} in ${keys.CLOUDBASE_ENV}`);
    return 0;
  } catch (error) {
    // The keys never reach the line: an error's text may quote what it was given.
    let text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    for (const key of KEY_VARIABLES) text = text.split(keys[key]).join('***');
    io.err(`supervisor: ${text || 'unknown error'}`);
    return 1;
  }
}
