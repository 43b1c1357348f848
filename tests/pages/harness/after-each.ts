// jest `setupFilesAfterEnv` for page tests: no page a test opened stays open (attached, listening,
// holding timers) into the next test, whatever order the tests run in.
import { closeAllPages } from './index';
import { requestsSettled } from './wx';

afterEach(async () => {
  await requestsSettled();
  closeAllPages();
});
