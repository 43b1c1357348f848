// jest `setupFiles` for page tests: runs in each test file's fresh jsdom global, before the test.
// Loading simulate first makes global.wx its API object; then our fakes are merged over it, so the
// `wx` identity never changes afterwards.
import { setImmediate as nodeSetImmediate } from 'node:timers';
import './simulate';
import { installWxGlobals } from './wx';

// The real backend runs in these tests too, and its store waits a turn of Node's event loop to commit
// concurrent batches together; jsdom's global leaves out Node's setImmediate.
globalThis.setImmediate ??= nodeSetImmediate;

installWxGlobals();
