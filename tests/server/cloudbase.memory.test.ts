// The in-memory CloudBase under the real wx-server-sdk: its answers, errors, transactions and file links
// are what the SDK's callers will see, so the adapters' tests can trust it.
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk');

const ENV = 'test-env';
let clock = Date.parse('2026-03-01T00:00:00Z');
let memory: MemoryCloud;
let db: any;
let _: any;

beforeAll(async () => {
  memory = await installMemoryCloud({ env: ENV, collections: ['apps', 'people'], now: () => clock });
  cloud.init({ env: ENV });
  db = cloud.database({ throwOnNotFound: false });
  _ = db.command;
});

afterEach(() => memory.reset());
afterAll(() => memory.close());

/** The rejection of a promise that must reject. */
async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('documents', () => {
  test('add, get, set, update and remove round trip through the SDK', async () => {
    const added = await db.collection('apps').add({ data: { name: 'a', when: new Date('2026-01-02T03:04:05Z') } });
    expect(added._id).toMatch(/^[0-9a-f]{32}$/);
    // wx-server-sdk's doc.get() gives the document itself (or null), inside a transaction or not.
    expect((await db.collection('apps').doc(added._id).get()).data).toEqual({ _id: added._id, name: 'a', when: new Date('2026-01-02T03:04:05Z') });

    expect(
      (
        await db
          .collection('apps')
          .doc('k1')
          .set({ data: { name: 'k', n: 1, tags: ['x'], gone: true } })
      ).stats,
    ).toEqual({ updated: 0, created: 1 });
    const updated = await db
      .collection('apps')
      .doc('k1')
      .update({ data: { n: _.inc(2), tags: _.push(['y']), gone: _.remove(), 'nested.deep': 5 } });
    expect(updated.stats).toEqual({ updated: 1 });
    expect((await db.collection('apps').doc('k1').get()).data).toEqual({ _id: 'k1', name: 'k', n: 3, tags: ['x', 'y'], nested: { deep: 5 } });
    expect(
      (
        await db
          .collection('apps')
          .doc('missing')
          .update({ data: { n: 1 } })
      ).stats,
    ).toEqual({ updated: 0 });

    expect(
      (
        await db
          .collection('apps')
          .doc('k1')
          .set({ data: { name: 'replaced' } })
      ).stats,
    ).toEqual({ updated: 1, created: 0 });
    expect(memory.documents('apps').find((doc) => doc._id === 'k1')).toEqual({ _id: 'k1', name: 'replaced' });

    expect((await db.collection('apps').doc('k1').remove()).stats).toEqual({ removed: 1 });
    expect((await db.collection('apps').doc('k1').get()).data).toBeNull();
    expect(memory.documents('apps').map((doc) => doc._id)).toEqual([added._id]);
  });

  test('a query filters with MongoDB semantics, orders, pages after a key and counts', async () => {
    const rows = [
      { _id: 'a', t: 3, kind: 'x' },
      { _id: 'b', t: 5, kind: 'x' },
      { _id: 'c', t: 5, kind: 'x', closed: null },
      { _id: 'd', t: 7, kind: 'x', closed: true },
      { _id: 'e', t: 9, kind: 'y' },
    ];
    for (const { _id, ...row } of rows) await db.collection('apps').doc(_id).set({ data: row });

    // Open ones (closed missing or null), newest first, after the key (t 7, 'd'): the next page.
    const page = await db
      .collection('apps')
      .where(_.and([{ kind: 'x', closed: null }, _.or([{ t: _.lt(7) }, { t: 7, _id: _.lt('d') }])]))
      .orderBy('t', 'desc')
      .orderBy('_id', 'desc')
      .limit(2)
      .get();
    expect(page.data.map((doc: any) => doc._id)).toEqual(['c', 'b']);
    expect(memory.calls.at(-1)).toMatchObject({ api: 'database.getDocument', params: { order: { t: -1, _id: -1 }, limit: 2 } });

    expect(
      (
        await db
          .collection('apps')
          .where({ t: _.in([5, 9]) })
          .count()
      ).total,
    ).toBe(3);
    expect(
      (
        await db
          .collection('apps')
          .where({ t: _.gt(4) })
          .skip(1)
          .limit(10)
          .orderBy('t', 'asc')
          .get()
      ).data.map((doc: any) => doc._id),
    ).toEqual(['c', 'd', 'e']);
  });

  test('a query gets 100 documents without a limit and 1000 at most', async () => {
    const batch = Array.from({ length: 1200 }, (_unused, i) => ({ _id: `p${String(i).padStart(4, '0')}` }));
    for (let i = 0; i < batch.length; i += 300) await db.collection('people').add({ data: batch.slice(i, i + 300) });
    expect(memory.documents('people')).toHaveLength(1200);

    expect((await db.collection('people').get()).data).toHaveLength(100);
    expect((await db.collection('people').limit(5000).get()).data).toHaveLength(1000);
  });

  test('query-level update and remove apply to every match', async () => {
    for (const id of ['a', 'b', 'c'])
      await db
        .collection('apps')
        .doc(id)
        .set({ data: { group: id === 'c' ? 2 : 1 } });
    expect(
      (
        await db
          .collection('apps')
          .where({ group: 1 })
          .update({ data: { seen: true } })
      ).stats,
    ).toEqual({ updated: 2 });
    expect(memory.documents('apps').map((doc) => doc.seen ?? false)).toEqual([true, true, false]);
    expect((await db.collection('apps').where({ seen: true }).remove()).stats).toEqual({ removed: 2 });
    expect(memory.documents('apps').map((doc) => doc._id)).toEqual(['c']);
  });
});

describe('errors, as the real cloud sends them', () => {
  test('a duplicate _id is errCode -502001 with MongoDB’s E11000 text, and changes nothing', async () => {
    await db.collection('apps').add({ data: { _id: 'k', v: 1 } });
    const error = await failure(db.collection('apps').add({ data: { _id: 'k', v: 2 } }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toMatch(
      /^collection\.add:fail -502001 database request fail\. E11000 duplicate key error collection: test-env\.apps index: _id_ dup key: \{ _id: "k" \}$/,
    );
    expect(memory.documents('apps')).toEqual([{ _id: 'k', v: 1 }]);
  });

  test('a collection that was not created is errCode -502005', async () => {
    const error = await failure(db.collection('nowhere').doc('x').get());
    expect(error.errCode).toBe(-502005);
    expect(error.errMsg).toMatch(/database collection not exists/);
  });

  test('an injected failure answers the next call of that API only', async () => {
    memory.failNext('database.getDocument', { code: 'DATABASE_PERMISSION_DENIED', message: 'Permission denied' });
    const error = await failure(db.collection('apps').doc('x').get());
    expect([error.errCode, error.errMsg]).toEqual([-502003, 'document.get:fail -502003 database permission denied. Permission denied']);
    // -502001 alone is any failed request: it is a duplicate only with the E11000 text.
    memory.failNext('database.modifyDocument', { code: 'DATABASE_REQUEST_FAILED', message: 'request timed out' });
    const bare = await failure(
      db
        .collection('apps')
        .doc('x')
        .set({ data: { v: 1 } }),
    );
    expect([bare.errCode, bare.errMsg]).toEqual([-502001, 'document.set:fail -502001 database request fail. request timed out']);
    expect((await db.collection('apps').doc('x').get()).data).toBeNull();
  });
});

describe('transactions', () => {
  test('commit applies, and reads inside see the snapshot and the transaction’s own writes', async () => {
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 1 } });
    const tx = await db.startTransaction();
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 2 } });
    expect((await tx.collection('apps').doc('a').get()).data).toEqual({ _id: 'a', v: 1 });
    await tx
      .collection('apps')
      .doc('b')
      .set({ data: { v: 10 } });
    expect((await tx.collection('apps').doc('b').get()).data).toEqual({ _id: 'b', v: 10 });
    expect((await db.collection('apps').doc('b').get()).data).toBeNull();
    await tx.commit();
    expect(memory.documents('apps')).toEqual([
      { _id: 'a', v: 2 },
      { _id: 'b', v: 10 },
    ]);
  });

  test('a second transaction writing a document the first has written conflicts at once', async () => {
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first
      .collection('apps')
      .doc('a')
      .set({ data: { by: 'first' } });
    const error = await failure(
      second
        .collection('apps')
        .doc('a')
        .set({ data: { by: 'second' } }),
    );
    // wx-server-sdk does not know the code: -501001, with the message the cloud sent.
    expect(error.errCode).toBe(-501001);
    expect(error.errMsg).toMatch(/DATABASE_TRANSACTION_CONFLICT/);
    // The conflict aborted the second transaction: its commit fails, the first's applies.
    const commit = await failure(second.commit());
    expect(commit.code).toBe('DATABASE_REQUEST_FAILED');
    await first.commit();
    expect(memory.documents('apps')).toEqual([{ _id: 'a', by: 'first' }]);
  });

  test('a commit fails when a document it wrote changed after its snapshot, and applies nothing', async () => {
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 1 } });
    const tx = await db.startTransaction();
    await tx
      .collection('apps')
      .doc('a')
      .set({ data: { v: 'tx' } });
    await tx
      .collection('apps')
      .doc('b')
      .set({ data: { v: 'tx' } });
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 'outside' } });
    const error = await failure(tx.commit());
    // commit() is not wrapped by wx-server-sdk: the SDK's TcbError keeps the cloud's code.
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(error.errCode).toBeUndefined();
    expect(memory.documents('apps')).toEqual([{ _id: 'a', v: 'outside' }]);
  });

  test('an insert whose _id was committed meanwhile fails at commit as a duplicate', async () => {
    const tx = await db.startTransaction();
    await tx.collection('apps').add({ data: { _id: 'k', by: 'tx' } });
    await db.collection('apps').add({ data: { _id: 'k', by: 'outside' } });
    const error = await failure(tx.commit());
    expect(error.code).toBe('DATABASE_REQUEST_FAILED');
    expect(error.message).toMatch(/E11000 duplicate key error/);
    expect(memory.documents('apps')).toEqual([{ _id: 'k', by: 'outside' }]);
  });

  test('rollback discards, and a finished transaction cannot be committed or rolled back', async () => {
    const tx = await db.startTransaction();
    await tx
      .collection('apps')
      .doc('a')
      .set({ data: { v: 1 } });
    await tx.rollback();
    expect(memory.documents('apps')).toEqual([]);
    expect((await failure(tx.commit())).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await failure(tx.rollback())).code).toBe('DATABASE_REQUEST_FAILED');
    // Its lock is gone: another transaction may write the document.
    const next = await db.startTransaction();
    await next
      .collection('apps')
      .doc('a')
      .set({ data: { v: 2 } });
    await next.commit();
    expect(memory.documents('apps')).toEqual([{ _id: 'a', v: 2 }]);
  });

  test('an injected commit failure ends the transaction without applying it', async () => {
    const tx = await db.startTransaction();
    await tx
      .collection('apps')
      .doc('a')
      .set({ data: { v: 1 } });
    memory.failNext('database.commitTransaction', { code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: test-env.apps' });
    expect((await failure(tx.commit())).message).toMatch(/E11000/);
    expect(memory.documents('apps')).toEqual([]);
    expect((await failure(tx.rollback())).code).toBe('DATABASE_REQUEST_FAILED');
  });

  test('where().update() and remove() on a transaction are not part of it: the SDK sends no transactionId', async () => {
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 1 } });
    const tx = await db.startTransaction();
    await tx
      .collection('apps')
      .where({ v: 1 })
      .update({ data: { v: 2 } });
    expect(memory.calls.at(-1)).toEqual({ api: 'database.modifyDocument', params: expect.not.objectContaining({ transactionId: expect.anything() }) });
    await tx.rollback();
    // Applied at once, and the rollback did not undo it.
    expect(memory.documents('apps')).toEqual([{ _id: 'a', v: 2 }]);
    // A query's get() does carry the transaction: it reads the snapshot.
    const reader = await db.startTransaction();
    await db
      .collection('apps')
      .doc('a')
      .set({ data: { v: 3 } });
    expect(
      (
        await reader
          .collection('apps')
          .where({ v: _.gt(0) })
          .get()
      ).data,
    ).toEqual([{ _id: 'a', v: 2 }]);
    await reader.rollback();
  });
});

describe('files', () => {
  const bytes = Buffer.from(Array.from({ length: 300 }, (_unused, i) => i % 256));

  test('a link serves the file, a byte range as COS does, and unknown files are reported', async () => {
    const fileID = memory.upload('uploads/a photo.jpg', bytes);
    expect(fileID).toBe('cloud://test-env.7465-test-env-1300000000/uploads/a photo.jpg');
    const missing = `cloud://${ENV}.7465-test-env-1300000000/uploads/none.jpg`;
    const { fileList } = await cloud.getTempFileURL({
      fileList: [
        { fileID, maxAge: 600 },
        { fileID: missing, maxAge: 600 },
      ],
    });
    expect(fileList[1]).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' });
    expect(fileList[0]).toMatchObject({ fileID, status: 0, maxAge: 600 });
    expect(memory.calls).toEqual([
      {
        api: 'storage.batchGetDownloadUrl',
        params: {
          file_list: [
            { fileid: fileID, max_age: 600 },
            { fileid: missing, max_age: 600 },
          ],
        },
      },
    ]);

    const whole = await fetch(fileList[0].tempFileURL);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);

    const part = await fetch(fileList[0].tempFileURL, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/300');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(10, 20));

    const beyond = await fetch(fileList[0].tempFileURL, { headers: { range: 'bytes=400-' } });
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, 'bytes */300']);

    const forged = fileList[0].tempFileURL.replace('a%20photo', 'none').replace('a photo', 'none');
    expect((await fetch(forged)).status).toBe(403);
  });

  test('an injected storage failure reaches getTempFileURL’s caller as errCode -1 with the code', async () => {
    const fileID = memory.upload('uploads/c.jpg', bytes);
    memory.failNext('storage.batchGetDownloadUrl', { code: 'STORAGE_EXCEED_AUTHORITY', message: 'no access' });
    const error = await failure(cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] }));
    // The node-sdk throws the cloud's error before wx-server-sdk can map its code: errCode -1, the code kept.
    expect([error.errCode, error.code, error.message]).toEqual([-1, 'STORAGE_EXCEED_AUTHORITY', 'getTempFileURL:fail no access']);
    expect((await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList[0].status).toBe(0);
  });

  test('downloadFile fetches the bytes through a link', async () => {
    const fileID = memory.upload('uploads/doc.bin', bytes);
    const { fileContent } = await cloud.downloadFile({ fileID });
    expect(Buffer.from(fileContent)).toEqual(bytes);
  });

  test('a link stops working after maxAge seconds', async () => {
    const fileID = memory.upload('uploads/b.jpg', bytes);
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    clock += 60_000;
    expect((await fetch(fileList[0].tempFileURL)).status).toBe(200);
    clock += 1_000;
    const expired = await fetch(fileList[0].tempFileURL);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/Request has expired/);
  });
});

describe('open API', () => {
  test('subscribeMessage.send reaches the handler in WeChat’s snake_case and returns its answer', async () => {
    const seen: [string, unknown][] = [];
    memory.onOpenApi((api, data) => {
      seen.push([api, data]);
      return { errcode: 0, errmsg: 'ok' };
    });
    const sent = await cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 'T1', page: 'pages/index', data: { thing1: { value: '通过' } } });
    expect(sent).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    const wechatData = { touser: 'o1', template_id: 'T1', page: 'pages/index', data: { thing1: { value: '通过' } } };
    expect(seen).toEqual([['subscribeMessage.send', wechatData]]);
    expect(memory.calls.at(-1)).toEqual({ api: 'wx.openApi', params: { apiName: 'subscribeMessage.send', data: wechatData } });
  });

  test('a WeChat error becomes errCode with its errmsg', async () => {
    memory.onOpenApi(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    const error = await failure(cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 'T1', data: {} }));
    expect(error.errCode).toBe(43101);
    expect(error.errMsg).toMatch(/user refuse to accept the msg/);
  });
});

describe('installing', () => {
  test('a second install without closing the first is refused', async () => {
    await expect(installMemoryCloud({ collections: [] })).rejects.toThrow(/already installed/);
  });

  test('after close another cloud can be installed, with collections of its own', async () => {
    await memory.close();
    const other = await installMemoryCloud({ env: ENV, collections: ['other'] });
    try {
      await db.collection('other').add({ data: { _id: 'o' } });
      expect(other.documents('other')).toEqual([{ _id: 'o' }]);
      expect((await failure(db.collection('apps').doc('a').get())).errCode).toBe(-502005);
      // The first cloud's close, again, leaves the new one installed.
      await memory.close();
      expect((await db.collection('other').doc('o').get()).data).toEqual({ _id: 'o' });
    } finally {
      await other.close();
    }
    memory = await installMemoryCloud({ env: ENV, collections: ['apps', 'people'], now: () => clock });
  });
});
