// `npm run database`: prints the plan, compares it with a CloudBase environment when given keys, and with --apply makes the changes.
import { cloudDatabase, type Manager } from './cloud';
import { computeChanges, describeChange, planDatabase, planTable } from './plan';

export const KEY_VARIABLES = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'CLOUDBASE_ENV'] as const;

export interface Connection {
  secretId: string;
  secretKey: string;
  envId: string;
  region?: string;
}

export interface Io {
  out(line: string): void;
  /** Failures, and the line that says which variables are missing. */
  err(line: string): void;
  /** Makes the manager-node client; a stand-in in tests, where Tencent Cloud cannot be reached. */
  connect(connection: Connection): Promise<Manager>;
}

export async function connectManager(connection: Connection): Promise<Manager> {
  // Loaded only with keys: printing the plan needs none of it.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  return new CloudBase(connection);
}

/** manager-node wraps a network failure as an error whose message is not text but node-fetch's error. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message: unknown = error.message;
  if (message instanceof Error) return messageOf(message);
  const text = typeof message === 'string' ? message : '';
  const code = (error as { code?: unknown }).code;
  return text || (typeof code === 'string' ? code : '');
}

/** A failure as one line, without the keys: an error's text may quote what it was given. */
function oneLine(error: unknown, secrets: readonly string[]): string {
  let text = messageOf(error).replace(/\s+/g, ' ').trim() || 'unknown error';
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text;
}

/** Runs the command; answers the exit code. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io = { out: (line) => console.log(line), err: (line) => console.error(line), connect: connectManager },
): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--apply');
  if (unknown.length > 0) {
    io.err(`database: unknown argument ${unknown[0]}; the only one is --apply`);
    return 1;
  }
  const apply = argv.includes('--apply');
  const plan = planDatabase();
  io.out(planTable(plan));
  io.out('');

  const value = (name: string) => env[name]?.trim() ?? '';
  const missing = KEY_VARIABLES.filter((name) => !value(name));
  if (missing.length > 0) {
    io.err(
      `database: set ${KEY_VARIABLES.slice(0, -1).join(', ')} and ${KEY_VARIABLES[KEY_VARIABLES.length - 1]} to compare with an environment${apply ? ' and apply the plan' : ''} (missing: ${missing.join(', ')}; TENCENTCLOUD_REGION too when it is not in ap-shanghai)`,
    );
    return 1;
  }
  const connection: Connection = { secretId: value('TENCENTCLOUD_SECRETID'), secretKey: value('TENCENTCLOUD_SECRETKEY'), envId: value('CLOUDBASE_ENV') };
  if (value('TENCENTCLOUD_REGION')) connection.region = value('TENCENTCLOUD_REGION');
  const secrets = [connection.secretId, connection.secretKey];

  let step = `reading environment ${connection.envId}`;
  try {
    const database = cloudDatabase(await io.connect(connection), connection.envId, value('WECHAT_APPID') || undefined);
    const changes = computeChanges(plan, await database.read(plan.collections.map((collection) => collection.name)));
    if (changes.length === 0) {
      io.out(`Environment ${connection.envId} matches the plan: nothing to change.`);
      return 0;
    }
    io.out(`Environment ${connection.envId} differs from the plan; ${apply ? 'applying' : 'what --apply would change'}:`);
    for (const change of changes) io.out(`  ${describeChange(change)}`);
    if (!apply) {
      io.out('Run with --apply to make these changes.');
      return 0;
    }
    for (const change of changes) {
      step = describeChange(change);
      await database.apply(change);
      io.out(`  done: ${step}`);
    }
    io.out(`Environment ${connection.envId} now matches the plan.`);
    return 0;
  } catch (error) {
    io.err(`database: ${step} failed: ${oneLine(error, secrets)}`);
    return 1;
  }
}
