// The local host's settings from the environment: PORT, HOST, DATA_DIR, APP_NOW, and the backend's own (CARD_FEE).
import { resolve } from 'node:path';
import { readSettings, type Settings } from '../settings';
import { clockInstant } from './clock';

export interface HostConfig {
  port: number;
  host: string;
  dataDir: string;
  startAt?: number;
  settings: Settings;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Reads the settings, or throws an Error whose message is the one line to show the developer. */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string): HostConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}"`);
  let startAt: number | undefined;
  if (env.APP_NOW) {
    const instant = clockInstant(env.APP_NOW);
    if (instant === null) throw new Error(`APP_NOW must be an ISO-8601 instant from 2000 to 2199 such as 2026-09-01T00:30:00+08:00, not "${env.APP_NOW}"`);
    startAt = instant;
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR || '.data'),
    settings: readSettings(env),
    ...(startAt !== undefined ? { startAt } : {}),
  };
}
