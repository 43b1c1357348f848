// Counts what handlers do with a store: its reads (get, find) and its writes (commit), by wrapping the
// very store object a world's handlers are given, so the calls counted are the real ones.
import type { Store } from '../../server/store/types';

export interface StoreSpy {
  /** get and find calls since the spy started or was last reset. */
  readonly lookups: number;
  /** commit calls, and the writes they carried. */
  readonly commits: number;
  readonly writes: number;
  reset(): void;
  /** Puts the store's own methods back. */
  restore(): void;
}

export function spyOnStore(store: Store): StoreSpy {
  const { get, find, commit } = store;
  const counts = { lookups: 0, commits: 0, writes: 0 };
  store.get = ((...args: Parameters<Store['get']>) => {
    counts.lookups++;
    return get.apply(store, args);
  }) as Store['get'];
  store.find = ((...args: Parameters<Store['find']>) => {
    counts.lookups++;
    return find.apply(store, args);
  }) as Store['find'];
  store.commit = (writes) => {
    counts.commits++;
    counts.writes += writes.length;
    return commit.call(store, writes);
  };
  return {
    get lookups() {
      return counts.lookups;
    },
    get commits() {
      return counts.commits;
    },
    get writes() {
      return counts.writes;
    },
    reset() {
      counts.lookups = 0;
      counts.commits = 0;
      counts.writes = 0;
    },
    restore() {
      store.get = get;
      store.find = find;
      store.commit = commit;
    },
  };
}
