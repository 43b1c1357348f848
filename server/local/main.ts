// Starts the local host (`npm run serve`): reads the environment, opens the store, listens, and
// shuts down cleanly. Every startup problem is reported as one line, then the process exits with 1.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { personKeyer } from '../ids';
import { migratePersonKeys, PersonKeySecretMismatch } from '../migrations/personKeys';
import { migrateEventPlaces } from '../migrations/eventPlaces';
import { migrateQueueLanes } from '../migrations/queueLanes';
import { openSqliteStore } from '../store/sqlite';
import { readNotificationConfig } from '../notifications/config';
import { developmentNotifier } from '../notifications/development';
import { developmentVerifier } from '../verification/development';
import { devClock } from './clock';
import { isLoopback, readConfig } from './config';
import { localFiles } from './fileStorage';
import { createHost } from './host';
import { previewFromEnv } from './preview';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from './secrets';

function fail(message: string): never {
  console.error(`local host: ${message}`);
  process.exit(1);
}

export interface Started {
  url: string;
  stop: () => Promise<void>;
}

export async function start(env: NodeJS.ProcessEnv = process.env, quiet = false): Promise<Started> {
  let config;
  let notificationConfig;
  try {
    config = readConfig(env, process.cwd());
    notificationConfig = readNotificationConfig(env);
  } catch (error) {
    return fail((error as Error).message);
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
  } catch (error) {
    return fail(`DATA_DIR ${config.dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'}); set DATA_DIR to a folder you can write`);
  }
  let store;
  try {
    store = openSqliteStore(config.dataDir);
  } catch (error) {
    return fail(`cannot open the store in ${config.dataDir}: ${(error as Error).message}`);
  }
  let personKey: (idNumber: string) => string;
  let files;
  try {
    personKey = personKeyer(dataDirSecret(config.dataDir, PERSON_KEY_SECRET_FILE));
    files = localFiles(config.dataDir, store);
  } catch (error) {
    store.close();
    return fail((error as Error).message);
  }
  try {
    const { moved, rekeyed } = await migratePersonKeys(store, personKey);
    // The old keys must not linger in free pages or the log, where they could still be reversed.
    if (rekeyed) store.purge();
    if (moved > 0 && !quiet) console.log(`rekeyed ${moved} applications with the person-key secret in ${config.dataDir}`);
  } catch (error) {
    store.close();
    const secretPath = error instanceof PersonKeySecretMismatch ? ` (${join(config.dataDir, PERSON_KEY_SECRET_FILE)})` : '';
    return fail(`cannot prepare the store's person keys: ${(error as Error).message}${secretPath}`);
  }
  try {
    const placedAgain = await migrateQueueLanes(store);
    if (placedAgain > 0 && !quiet) console.log(`placed ${placedAgain} applications in the staff queue (lanes and search fields) in ${config.dataDir}`);
  } catch (error) {
    store.close();
    return fail(`cannot place the store's applications in the staff queue: ${(error as Error).message}`);
  }
  try {
    const eventsPlaced = await migrateEventPlaces(store);
    if (eventsPlaced > 0 && !quiet) console.log(`gave ${eventsPlaced} events their district and day in ${config.dataDir}`);
  } catch (error) {
    store.close();
    return fail(`cannot give the store's events their district and day: ${(error as Error).message}`);
  }
  const clock = devClock(config.startAt);
  const server = createHost({
    store,
    files,
    verifier: developmentVerifier(),
    clock,
    settings: config.settings,
    personKey,
    log: quiet ? undefined : (line) => console.log(line),
    preview: previewFromEnv(env, process.cwd()),
    notifications: { config: notificationConfig, notifier: developmentNotifier(store) },
    schedule: true,
  });

  await new Promise<void>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      store.close();
      if (error.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use; stop the other process or set PORT`);
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`HOST ${config.host} is not an address of this machine`);
      if (error.code === 'EACCES') fail(`not allowed to listen on port ${config.port}; choose a PORT above 1023`);
      fail(`cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`);
    });
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;
  if (!isLoopback(config.host)) {
    console.warn(`warning: listening on ${config.host}: anyone who can reach it can act as any resident or staff member`);
  }

  return { url, stop: () => server.shutdown() };
}

/** `npm run serve` and `npm start`: start, print where, and stop on SIGINT or SIGTERM. */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const started = await start(env);
  // Handlers go in before the ready line: whoever reads that line may signal at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: shutting down`);
      started.stop().then(() => process.exit(0));
    });
  }
  console.log(`local host ready at ${started.url} (data in ${readConfig(env, process.cwd()).dataDir})`);
  return started;
}
