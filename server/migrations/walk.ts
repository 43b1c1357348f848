// A whole collection a page at a time, by key: how a migration reaches every document with bounded reads
// (a run cut short starts again from the first key; what it already rewrote needs nothing the second time).
import type { CollectionName, Doc, Store } from '../store/types';

const PAGE = 500;

export async function* everyDoc<T>(store: Store, collection: CollectionName): AsyncGenerator<Doc<T>[]> {
  let after: { value: string; id: string } | undefined;
  for (;;) {
    const page = await store.find<T>(collection, { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: PAGE, ...(after ? { after } : {}) });
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    after = { value: last._id, id: last._id };
  }
}
