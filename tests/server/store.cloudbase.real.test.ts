// The store contract against a real CloudBase environment, run only when CLOUDBASE_TEST_ENV,
// TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set (nothing here can reach WeChat's cloud).
// It empties the store's collections of that environment before each test: never point it at a city's.
import { openCloudStore, type CloudDatabase } from '../../server/store/cloudbase';
import { describeStoreContract } from '../support/storeContract';
import { COLLECTION_NAMES } from '../../server/store/types';

const env = process.env.CLOUDBASE_TEST_ENV;
const secretId = process.env.TENCENTCLOUD_SECRETID;
const secretKey = process.env.TENCENTCLOUD_SECRETKEY;

/** What emptying a collection uses of the SDK, beside what the store uses. */
interface Cleaner {
  collection(name: string): { where(condition: unknown): { remove(): Promise<unknown> } };
  command: { exists(value: boolean): unknown };
}

if (env && secretId && secretKey) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as { init(options: Record<string, unknown>): void; database(options: { throwOnNotFound: boolean }): CloudDatabase };
  sdk.init({ env, secretId, secretKey });
  const db = sdk.database({ throwOnNotFound: false });
  const cleaner = db as unknown as Cleaner;
  describeStoreContract(`CloudBase environment ${env}`, async () => {
    for (const collection of COLLECTION_NAMES)
      await cleaner
        .collection(collection)
        .where({ _id: cleaner.command.exists(true) })
        .remove();
    return openCloudStore(db);
  });
} else {
  test.todo('store contract against a real CloudBase environment: set CLOUDBASE_TEST_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
}
