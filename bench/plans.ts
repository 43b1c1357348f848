// The query plan of every query the load's cases make. The queries are not written out here: each case is
// run once in this process against the seeded store, recording what the handlers ask of it, so the plans
// follow the handlers as they change. The plan is the store's own (explain), from the SQL it runs.
import { runFunction } from '../server/functions';
import { personKeyer, randomId, randomSecret } from '../server/ids';
import { localFiles } from '../server/local/fileStorage';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../server/local/secrets';
import { DEFAULT_CARD_FEE } from '../server/settings';
import { openSqliteStore } from '../server/store/sqlite';
import type { CollectionName, Query, Store } from '../server/store/types';
import { developmentVerifier } from '../server/verification/development';

export interface PlannedQuery {
  /** The cases that make it. */
  cases: string[];
  collection: CollectionName;
  where: string[];
  orderBy: string;
  plan: string[];
  /** Mean milliseconds per query, run in this process on the seeded store. */
  ms: number;
}

export interface PlanCase {
  name: string;
  openid: string;
  body: string;
}

/** Runs each case once (its writes discarded) and answers the plan and speed of every distinct query it made. */
export async function queryPlans(dataDir: string, now: number, cases: PlanCase[]): Promise<PlannedQuery[]> {
  const store = openSqliteStore(dataDir);
  const seen = new Map<string, { cases: Set<string>; collection: CollectionName; query: Query }>();
  let current = '';
  const recording: Store = {
    get: (collection, id) => store.get(collection, id),
    find(collection, query) {
      const key = JSON.stringify([collection, Object.keys(query.where).sort(), query.orderBy, Boolean(query.after)]);
      const entry = seen.get(key) ?? { cases: new Set<string>(), collection, query };
      entry.cases.add(current);
      seen.set(key, entry);
      return store.find(collection, query);
    },
    // The plans read the seeded store as the load left it: what a case would write is dropped.
    commit: async () => {},
    close: () => {},
  };
  const files = localFiles(dataDir, recording);
  const personKey = personKeyer(dataDirSecret(dataDir, PERSON_KEY_SECRET_FILE));
  const verifier = developmentVerifier();
  try {
    for (const c of cases) {
      current = c.name;
      const ctx = { openid: c.openid, now, store: recording, verifier, files, settings: { cardFee: DEFAULT_CARD_FEE }, personKey, newId: randomId, newSecret: randomSecret };
      const result = await runFunction(c.name.startsWith('staff') ? 'staff' : 'resident', ctx, JSON.parse(c.body));
      if (!result.ok) throw new Error(`${c.name} failed in process: ${JSON.stringify(result.error)}`);
    }
    const planned: PlannedQuery[] = [];
    for (const { cases: names, collection, query } of seen.values()) {
      const runs = 200;
      const started = performance.now();
      for (let i = 0; i < runs; i++) await store.find(collection, query);
      planned.push({
        cases: [...names],
        collection,
        where: Object.keys(query.where),
        orderBy: `${query.orderBy.field} ${query.orderBy.direction}`,
        plan: store.explain(collection, query),
        ms: (performance.now() - started) / runs,
      });
    }
    return planned;
  } finally {
    store.close();
  }
}
