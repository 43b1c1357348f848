// Reads an environment's collections, indexes and rules through @cloudbase/manager-node, and makes the changes the plan asks for.
import type CloudBase from '@cloudbase/manager-node';
import { ASCENDING, type Change, type CurrentCollection, type CurrentRule, type CurrentState } from './plan';

/** What is used of manager-node, typed by its own declarations so that a stand-in must keep its signatures. */
export interface Manager {
  database: Pick<CloudBase['database'], 'listCollections' | 'describeCollection' | 'createCollection' | 'updateCollection'>;
  commonService: (service?: string, version?: string) => Pick<ReturnType<CloudBase['commonService']>, 'call'>;
}

/** The API the collection rules belong to: manager-node has no method of its own for them, only this generic call. */
const TCB = ['tcb', '2018-06-08'] as const;
/** ListTables answers at most this many a page. */
const PAGE = 100;

export interface CloudDatabase {
  read(collections: readonly string[]): Promise<CurrentState>;
  apply(change: Change): Promise<void>;
}

/** `appId` is sent as WxAppId where Tencent Cloud's API asks it of an environment that belongs to a mini-program. */
export function cloudDatabase(manager: Manager, envId: string, appId?: string): CloudDatabase {
  const rules = () => manager.commonService(...TCB);

  async function existing(): Promise<Set<string>> {
    const names = new Set<string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await manager.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
      const collections = page.Collections ?? [];
      for (const collection of collections) names.add(collection.CollectionName);
      if (collections.length < PAGE || offset + PAGE >= (page.Pager?.Total ?? 0)) return names;
    }
  }

  async function ruleOf(name: string): Promise<CurrentRule> {
    const answer = (await rules().call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: name, ...(appId ? { WxAppId: appId } : {}) } })) as {
      AclTag?: string;
      Rule?: string | null;
    };
    return { aclTag: answer.AclTag ?? '', rule: answer.Rule ?? null };
  }

  async function collectionOf(name: string): Promise<CurrentCollection> {
    const table = await manager.database.describeCollection(name);
    const indexes = (table.Indexes ?? []).map((index) => ({
      name: index.Name,
      keys: (index.Keys ?? []).map((key) => ({ field: key.Name ?? '', direction: String(key.Direction ?? '') })),
      // Typed boolean; compared as text in case the API answers it as a string.
      unique: String(index.Unique) === 'true',
    }));
    return { name, indexes, rule: await ruleOf(name) };
  }

  return {
    async read(collections) {
      const present = await existing();
      const found: CurrentCollection[] = [];
      for (const name of collections) if (present.has(name)) found.push(await collectionOf(name));
      return { collections: found };
    },
    async apply(change) {
      switch (change.kind) {
        case 'createCollection':
          await manager.database.createCollection(change.collection);
          return;
        case 'setRule':
          await rules().call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: change.collection, AclTag: 'CUSTOM', Rule: JSON.stringify(change.rule) } });
          return;
        case 'dropIndex':
          await manager.database.updateCollection(change.collection, { DropIndexes: [{ IndexName: change.index }] });
          return;
        case 'createIndex':
          await manager.database.updateCollection(change.collection, {
            CreateIndexes: [
              {
                IndexName: change.index.name,
                MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: change.index.keys.map((field) => ({ Name: field, Direction: ASCENDING })) },
              },
            ],
          });
          return;
      }
    },
  };
}
