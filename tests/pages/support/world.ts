// A fresh world for every page test: its own backend (store, files, clock), an empty phone (storage,
// recorded calls, page stack), and no page of an earlier test left open (harness/after-each.ts), so a
// test passes alone (`-t`) and in any order (`--randomize`).
import { resetWx } from '../harness';
import { startBackend, type Backend } from './backend';

/**
 * Gives every test of the file a backend started at `startIso` and then `prepare`d (staff granted…),
 * stopped after the test. Answers a stand-in that always acts on the current test's backend.
 */
export function freshBackendEachTest(startIso?: string, prepare?: (backend: Backend) => Promise<void>): Backend {
  let current: Backend | undefined;
  beforeEach(async () => {
    resetWx();
    current = await startBackend(startIso);
    await prepare?.(current);
  });
  afterEach(async () => {
    const stopping = current;
    current = undefined;
    await stopping?.stop();
  });
  const live = (): Backend => {
    if (!current) throw new Error('page tests: the backend exists only while a test runs (use it inside it/beforeEach)');
    return current;
  };
  return new Proxy({} as Backend, {
    get: (_target, key) => Reflect.get(live(), key),
    set: (_target, key, value) => Reflect.set(live(), key, value),
  });
}
