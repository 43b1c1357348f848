// The real local host in a process of its own (the bundle `npm run serve` runs), so the load generator
// and the host never share an event loop or a CPU's worth of JavaScript.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningHost {
  url: string;
  pid: number;
  /** Milliseconds from spawning to the first answer of /api/health. */
  readyMs: number;
  /** The host's resident set now, from /proc (null where there is none). */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Polls `url` until it answers 200; answers the milliseconds since `since`. */
export async function waitForOk(url: string, since: number, child: ChildProcess, timeoutMs = 600_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Starts the bundled host on `dataDir` with the clock at `now`. Its request log goes to /dev/null, as it
 * would go to a terminal nobody reads; errors are kept, to be shown if it fails.
 */
export async function startHost(bundle: string, dataDir: string, now: number): Promise<RunningHost> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(bundle)}).serve()`], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', APP_NOW: new Date(now).toISOString() },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  let readyMs: number;
  try {
    readyMs = await waitForOk(`${url}/api/health`, started, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${errors}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    readyMs,
    rssBytes: () => rssOf(child.pid!),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (errors.trim()) console.error(`host stderr:\n${errors.trim()}`);
    },
  };
}
