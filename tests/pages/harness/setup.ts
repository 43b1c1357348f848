// jest `setupFiles` for page tests: runs in each test file's fresh jsdom global, before the test.
// Loading simulate first makes global.wx its API object; then our fakes are merged over it, so the
// `wx` identity never changes afterwards.
import './simulate';
import { installWxGlobals } from './wx';

installWxGlobals();
