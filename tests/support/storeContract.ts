// The behaviour every store adapter must show; each adapter's test file runs this suite on a real instance.
import { StoreConflict, type Store } from '../../server/store/types';

export function describeStoreContract(name: string, open: () => Store | Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('creates a document at version 1 and reads it back', async () => {
      await store.commit([{ op: 'create', collection: 'applications', id: 'a1', doc: { kind: 'declaration', n: 1 } }]);
      expect(await store.get('applications', 'a1')).toEqual({ _id: 'a1', _version: 1, kind: 'declaration', n: 1 });
      expect(await store.get('applications', 'missing')).toBeNull();
      expect(await store.get('events', 'a1')).toBeNull();
    });

    it('refuses a second document with the same key, and writes nothing of that batch', async () => {
      await store.commit([{ op: 'create', collection: 'locks', id: 'k', doc: { holder: 'a1' } }]);
      const batch = store.commit([
        { op: 'create', collection: 'applications', id: 'a2', doc: {} },
        { op: 'create', collection: 'locks', id: 'k', doc: { holder: 'a2' } },
      ]);
      await expect(batch).rejects.toBeInstanceOf(StoreConflict);
      await expect(batch).rejects.toMatchObject({ write: { collection: 'locks', id: 'k' } });
      expect(await store.get('applications', 'a2')).toBeNull();
      expect(await store.get('locks', 'k')).toMatchObject({ holder: 'a1' });
    });

    it('updates only at the expected version, incrementing it', async () => {
      await store.commit([{ op: 'create', collection: 'applications', id: 'a', doc: { status: 'pending' } }]);
      await store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'approved' } }]);
      expect(await store.get('applications', 'a')).toMatchObject({ status: 'approved', _version: 2 });
      await expect(store.commit([{ op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'rejected' } }])).rejects.toBeInstanceOf(StoreConflict);
      await expect(store.commit([{ op: 'update', collection: 'applications', id: 'nope', version: 1, doc: {} }])).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.get('applications', 'a')).toMatchObject({ status: 'approved', _version: 2 });
    });

    it('never stores the key or version fields inside the body', async () => {
      await store.commit([{ op: 'create', collection: 'files', id: 'f', doc: { _id: 'other', _version: 9, owner: 'u' } }]);
      expect(await store.get('files', 'f')).toEqual({ _id: 'f', _version: 1, owner: 'u' });
    });

    it('deletes at the expected version only', async () => {
      await store.commit([{ op: 'create', collection: 'locks', id: 'k', doc: {} }]);
      await expect(store.commit([{ op: 'delete', collection: 'locks', id: 'k', version: 2 }])).rejects.toBeInstanceOf(StoreConflict);
      await store.commit([{ op: 'delete', collection: 'locks', id: 'k', version: 1 }]);
      expect(await store.get('locks', 'k')).toBeNull();
      // The key is free again.
      await store.commit([{ op: 'create', collection: 'locks', id: 'k', doc: {} }]);
      expect(await store.get('locks', 'k')).toMatchObject({ _version: 1 });
    });

    it('rolls back earlier writes of a batch when a later one fails', async () => {
      await store.commit([{ op: 'create', collection: 'applications', id: 'a', doc: { status: 'pending' } }]);
      await expect(
        store.commit([
          { op: 'update', collection: 'applications', id: 'a', version: 1, doc: { status: 'withdrawn' } },
          { op: 'create', collection: 'events', id: 'e', doc: {} },
          { op: 'delete', collection: 'locks', id: 'absent', version: 1 },
        ]),
      ).rejects.toBeInstanceOf(StoreConflict);
      expect(await store.get('applications', 'a')).toMatchObject({ status: 'pending', _version: 1 });
      expect(await store.get('events', 'e')).toBeNull();
    });

    it('finds by equality, ordered, limited and paged after a position', async () => {
      const writes = [5, 3, 9, 3, 7].map((at, i) => ({
        op: 'create' as const,
        collection: 'applications' as const,
        id: `a${i}`,
        doc: { ownerOpenid: i === 4 ? 'other' : 'me', submittedAt: at, dueOn: `2026-01-0${at}`, ...(i % 2 === 0 ? { waiting: true } : {}) },
      }));
      await store.commit(writes);
      const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);
      const desc = { field: 'submittedAt', direction: 'desc' as const };
      expect(ids(await store.find('applications', { where: { ownerOpenid: 'me' }, orderBy: desc, limit: 10 }))).toEqual(['a2', 'a0', 'a3', 'a1']);
      const first = await store.find<{ submittedAt: number }>('applications', { where: { ownerOpenid: 'me' }, orderBy: desc, limit: 2 });
      const last = first[first.length - 1];
      const next = await store.find('applications', {
        where: { ownerOpenid: 'me' },
        orderBy: desc,
        limit: 2,
        after: { value: last.submittedAt, id: last._id },
      });
      expect(ids(next)).toEqual(['a3', 'a1']);
      // A boolean matches as stored, and a document without the field is not found by it.
      const asc = await store.find('applications', { where: { waiting: true }, orderBy: { field: 'dueOn', direction: 'asc' }, limit: 10 });
      expect(ids(asc)).toEqual(['a0', 'a4', 'a2']);
      expect(await store.find('events', { where: { applicationId: 'a0' }, orderBy: { field: 'seq', direction: 'asc' }, limit: 10 })).toEqual([]);
      const byKey = await store.find('applications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 3 });
      expect(ids(byKey)).toEqual(['a0', 'a1', 'a2']);
    });

    it('refuses a query of a shape no index serves, and a field name that is not a plain path', async () => {
      await expect(store.find('applications', { where: { ownerOpenid: 'me' }, orderBy: { field: 'dueOn', direction: 'asc' }, limit: 1 })).rejects.toThrow('no index serves');
      await expect(store.find('applications', { where: { "x') OR 1=1 --": 1 }, orderBy: { field: 'submittedAt', direction: 'asc' }, limit: 1 })).rejects.toThrow('no index serves');
    });
  });
}
