// How long a developer waits: `npm run serve` until the API answers, `npm start` until the preview page
// does. Each runs in a fresh data folder, as npm runs it (its own process group, ended as a group).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForOk } from './host';

async function timeUntilAnswer(root: string, script: string[], path: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', script, { cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) }, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    return await waitForOk(`http://127.0.0.1:${port}${path}`, started, child, 300_000);
  } finally {
    // npm runs the script under a shell: the group holds all three.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface Startup {
  /** `npm run serve` to its first /api/health answer, with the host bundle already fresh. */
  serveMs: number;
  /** `npm start` to its first answer of the preview page (it builds the preview first). */
  startMs: number;
}

export async function measureStartup(root: string): Promise<Startup> {
  const serveMs = await timeUntilAnswer(root, ['run', 'serve'], '/api/health');
  const startMs = await timeUntilAnswer(root, ['start'], '/');
  return { serveMs, startMs };
}
