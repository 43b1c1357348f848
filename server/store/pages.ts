// Every document a query matches, a page at a time in the query's order: how a migration, the scheduler
// or a development route reaches a whole collection with bounded reads. The store answers at once, so
// without a pause a walk over the whole city would hold the host's only thread: between pages, whatever
// requests have come are served first.
import type { CollectionName, Doc, Query, Store } from './types';

export const PAGE_SIZE = 500;

/** A whole collection by key (the key index serves it). */
export const WHOLE_COLLECTION = { where: {}, orderBy: { field: '_id', direction: 'asc' as const } };

export async function* pagesOf<T>(store: Store, collection: CollectionName, query: Omit<Query, 'limit' | 'after'>, size = PAGE_SIZE): AsyncGenerator<Doc<T>[]> {
  let after: Query['after'];
  for (;;) {
    const page = await store.find<T>(collection, { ...query, limit: size, ...(after ? { after } : {}) });
    if (page.length > 0) yield page;
    if (page.length < size) return;
    const last = page[page.length - 1] as Doc<T> & Record<string, unknown>;
    const value = query.orderBy.field === '_id' ? last._id : last[query.orderBy.field];
    after = { value: (value ?? null) as string | number | null, id: last._id };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The same walk, a document at a time. */
export async function* docsOf<T>(store: Store, collection: CollectionName, query: Omit<Query, 'limit' | 'after'>, size = PAGE_SIZE): AsyncGenerator<Doc<T>> {
  for await (const page of pagesOf<T>(store, collection, query, size)) yield* page;
}
