// `npm run serve` as a developer runs it: a real process, its one-line startup errors and a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function serve(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs')], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function waitFor(run: Run, text: string): Promise<void> {
  for (let i = 0; i < 200 && !run.output().stdout.includes(text); i++) await new Promise((r) => setTimeout(r, 25));
  if (!run.output().stdout.includes(text)) throw new Error(`never printed "${text}": ${JSON.stringify(run.output())}`);
}

function freePortServer(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

it('starts, answers, and stops cleanly on SIGTERM and SIGINT', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const run = serve({ PORT: '0', DATA_DIR: dir });
    await waitFor(run, 'local host ready at');
    const url = /ready at (\S+)/.exec(run.output().stdout)?.[1];
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    run.child.kill(signal);
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain(`${signal}: shutting down`);
  }
});

it('says in one line that the port is taken', async () => {
  const blocker = await freePortServer();
  const port = (blocker.address() as { port: number }).port;
  const run = serve({ PORT: String(port), DATA_DIR: dir });
  expect(await run.exited).toBe(1);
  blocker.close();
  expect(run.output().stderr.trim()).toBe(`local host: port ${port} on 127.0.0.1 is already in use; stop the other process or set PORT`);
});

it('says in one line that DATA_DIR cannot be written', async () => {
  const notADir = join(root, 'package.json', 'data');
  const run = serve({ PORT: '0', DATA_DIR: notADir });
  expect(await run.exited).toBe(1);
  const lines = run.output().stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^local host: DATA_DIR .* is not writable \(ENOTDIR\)/);
});

it('refuses a bad APP_NOW in one line', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dir, APP_NOW: 'yesterday' });
  expect(await run.exited).toBe(1);
  expect(run.output().stderr.trim()).toMatch(/^local host: APP_NOW must be an ISO-8601 instant/);
});

it('refuses a bad CARD_FEE in one line', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dir, CARD_FEE: '20元' });
  expect(await run.exited).toBe(1);
  expect(run.output().stderr.trim()).toBe('local host: CARD_FEE must be an amount in yuan such as 20 or 12.5, not "20元"');
});

it('warns in one line when HOST is not a loopback address', async () => {
  const run = serve({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: dir });
  await waitFor(run, 'local host ready at');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.output().stderr.trim()).toBe('warning: listening on 0.0.0.0: anyone who can reach it can act as any resident or staff member');
});

it('refuses in one line to start on a store keyed with another person-key secret', async () => {
  const keyed = mkdtempSync(join(tmpdir(), 'serve-keyed-'));
  try {
    const first = serve({ PORT: '0', DATA_DIR: keyed });
    await waitFor(first, 'local host ready at');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // As if the secret was lost and a new one made: every person key in the store would be orphaned.
    writeFileSync(join(keyed, 'person-key-secret'), 'e'.repeat(64));
    const second = serve({ PORT: '0', DATA_DIR: keyed });
    expect(await second.exited).toBe(1);
    expect(second.output().stderr.trim()).toBe(
      `local host: cannot prepare the store's person keys: the person-key secret is not the one this store was keyed with; restore the secret from your backup (${join(keyed, 'person-key-secret')})`,
    );
    // An empty secret (a first start cut off by a power cut, say) is refused, never used as a key.
    writeFileSync(join(keyed, 'link-secret'), '');
    const third = serve({ PORT: '0', DATA_DIR: keyed });
    expect(await third.exited).toBe(1);
    expect(third.output().stderr.trim().split('\n')).toEqual([
      `local host: ${join(keyed, 'link-secret')} is not a secret this host made (64 hex characters); restore it from your backup`,
    ]);
  } finally {
    rmSync(keyed, { recursive: true, force: true });
  }
});
