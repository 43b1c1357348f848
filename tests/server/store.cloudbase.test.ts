// The CloudBase store through the real wx-server-sdk over the in-memory backend (WeChat's cloud cannot be
// reached from here; store.cloudbase.real.test.ts runs the same contract against a real environment).
import { openCloudStore, type CloudDatabase } from '../../server/store/cloudbase';
import { StoreUnavailable } from '../../server/store/cloudbaseErrors';
import { docsOf, WHOLE_COLLECTION } from '../../server/store/pages';
import { StoreConflict, type Store } from '../../server/store/types';
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';
import { describeStoreContract } from '../support/storeContract';
import { COLLECTION_NAMES } from '../../server/store/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as { init(options: Record<string, unknown>): void; database(options: { throwOnNotFound: boolean }): CloudDatabase };

let memory: MemoryCloud;
beforeAll(async () => {
  memory = await installMemoryCloud({ collections: COLLECTION_NAMES });
  sdk.init({ env: memory.env });
});
afterAll(() => memory.close());

const openMemoryStore = (): Store => {
  memory.reset();
  return openCloudStore(sdk.database({ throwOnNotFound: false }), { backoffMs: () => 0 });
};

describeStoreContract('CloudBase through wx-server-sdk, in memory', openMemoryStore);

describe('CloudBase store: transactions and errors', () => {
  let store: Store;
  beforeEach(() => {
    store = openMemoryStore();
  });

  const seed = () => store.commit([{ op: 'create', collection: 'applications', id: 'a', doc: { status: 'pending', applicant: { name: '李晓梅' } } }]);

  it('lets one of two batches racing to change the same version win, and refuses the other as a conflict', async () => {
    await seed();
    const outcomes = await Promise.allSettled(
      ['approved', 'rejected'].map((status) => store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status } }])),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(StoreConflict);
    expect(await store.get('applications', 'a')).toMatchObject({ _version: 2 });
    // The two met inside the cloud's transactions: one wrote a document the other had locked.
    expect(memory.calls.filter((c) => c.api === 'database.startTransaction').length).toBeGreaterThanOrEqual(3);
  });

  it('lets one of two batches creating the same key win', async () => {
    const outcomes = await Promise.allSettled([1, 2].map((n) => store.commit([{ op: 'create', collection: 'locks', id: 'k', doc: { holder: n } }])));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(memory.documents('locks')).toHaveLength(1);
  });

  it('releases its locks when a precondition fails, so the next batch is not held up', async () => {
    await seed();
    await expect(
      store.commit([
        { op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'approved' } },
        { op: 'delete', collection: 'locks', id: 'absent', version: 1 },
      ]),
    ).rejects.toBeInstanceOf(StoreConflict);
    expect(memory.calls.some((c) => c.api === 'database.abortTransaction')).toBe(true);
    await store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'withdrawn' } }]);
    expect(await store.get('applications', 'a')).toMatchObject({ status: 'withdrawn', _version: 2 });
  });

  it('takes a duplicate key reported at commit for the conflict it is', async () => {
    memory.failNext('database.commitTransaction', { code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: locks index: _id_ dup key: { _id: "k" }' });
    await expect(store.commit([{ op: 'create', collection: 'locks', id: 'k', doc: {} }])).rejects.toMatchObject({ write: { collection: 'locks', id: 'k' } });
  });

  it('gives up after a bounded number of tries while other transactions keep winning', async () => {
    await seed();
    for (let i = 0; i < 5; i += 1) memory.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'WriteConflict' });
    const commits = () => memory.calls.filter((c) => c.api === 'database.commitTransaction').length;
    const before = commits();
    await expect(store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'approved' } }])).rejects.toBeInstanceOf(StoreConflict);
    expect(commits() - before).toBe(5);
    expect(await store.get('applications', 'a')).toMatchObject({ status: 'pending', _version: 1 });
  });

  it('turns a failed request that is not a duplicate, or a permission error, into an unavailable store — described by codes alone', async () => {
    await seed();
    memory.failNext('database.commitTransaction', { code: 'DATABASE_REQUEST_FAILED', message: 'request failed for 李晓梅' });
    const failed = store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'approved' } }]);
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(failed).rejects.toThrow('DATABASE_REQUEST_FAILED');
    await expect(failed).rejects.not.toThrow('李晓梅');
    memory.failNext('database.getDocument', { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' });
    // Through the SDK a permission error is its errCode alone (-502003): the log gets that, not the text.
    await expect(store.get('applications', 'a')).rejects.toThrow('cloud database get applications: errCode -502003');
  });

  it('reads past the cloud’s 100 and 1000 document pages by position, in order', async () => {
    const writes = Array.from({ length: 1204 }, (_, i) => ({
      op: 'create' as const,
      collection: 'requests' as const,
      id: `r${String(i).padStart(4, '0')}`,
      doc: { expiresAt: 5000 - (i % 7) },
    }));
    for (let at = 0; at < writes.length; at += 200) await store.commit(writes.slice(at, at + 200));
    const byKey: string[] = [];
    for await (const doc of docsOf(store, 'requests', WHOLE_COLLECTION)) byKey.push(doc._id);
    expect(byKey).toEqual(writes.map((w) => w.id));
    const byExpiry: number[] = [];
    for await (const doc of docsOf<{ expiresAt: number }>(store, 'requests', { where: {}, orderBy: { field: 'expiresAt', direction: 'asc' } }, 1000)) byExpiry.push(doc.expiresAt);
    expect(byExpiry).toHaveLength(1204);
    expect(byExpiry).toEqual([...byExpiry].sort((x, y) => x - y));
  });

  it('refuses a filter whose value is undefined instead of letting the SDK drop it', async () => {
    await expect(
      store.find('applications', { where: { ownerOpenid: undefined as unknown as string }, orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 5 }),
    ).rejects.toThrow('query on ownerOpenid has no value');
  });
});
