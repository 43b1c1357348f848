// The cloud database as code (scripts/database/): the plan from the store's collections and shapes, the changes it asks of an environment, and their translation into manager-node calls, made here against a stand-in with manager-node's own signatures (Tencent Cloud's API cannot be reached from here).
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cloudDatabase, type Manager } from '../../scripts/database/cloud';
import { connectManager, main, type Connection } from '../../scripts/database/main';
import { computeChanges, deniesClients, describeChange, planDatabase, planTable, type Change, type CurrentState, type DatabasePlan } from '../../scripts/database/plan';
import { QUERY_SHAPES } from '../../server/store/shapes';
import { COLLECTION_NAMES } from '../../server/store/types';

const root = join(__dirname, '..', '..');
const DENY = JSON.stringify({ read: false, write: false });
const ID_INDEX = { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true };

/** An environment that already holds the whole plan. */
function upToDate(plan: DatabasePlan): CurrentState {
  return {
    collections: plan.collections.map((collection) => ({
      name: collection.name,
      indexes: [ID_INDEX, ...collection.indexes.map((index) => ({ name: index.name, keys: index.keys.map((field) => ({ field, direction: '1' })), unique: false }))],
      rule: { aclTag: 'CUSTOM', rule: DENY },
    })),
  };
}

describe('the plan', () => {
  const plan = planDatabase();

  test('has every collection of the store, once, in its order', () => {
    expect(plan.collections.map((collection) => collection.name)).toEqual(COLLECTION_NAMES);
  });

  test('has one index per query shape, in its collection, keyed by the equality fields, the order field and _id', () => {
    for (const shape of QUERY_SHAPES) {
      const collection = plan.collections.find((candidate) => candidate.name === shape.collection)!;
      const index = collection.indexes.find((candidate) => candidate.name === shape.name);
      expect(index).toEqual({ name: shape.name, keys: [...shape.equals, shape.orderBy, '_id'], sparse: shape.sparse === true });
    }
    for (const collection of plan.collections) expect(collection.indexes.length).toBe(QUERY_SHAPES.filter((shape) => shape.collection === collection.name).length);
  });

  test('denies every client read and write in every collection', () => {
    for (const collection of plan.collections) {
      expect(collection.rule).toEqual({ read: false, write: false });
      expect(deniesClients({ aclTag: 'CUSTOM', rule: JSON.stringify(collection.rule) })).toBe(true);
    }
  });

  test('prints as a table naming every collection and index, and says where uniqueness rests and what becomes of sparse shapes', () => {
    const table = planTable(plan);
    for (const name of COLLECTION_NAMES) expect(table).toMatch(new RegExp(`^${name}\\s`, 'm'));
    for (const shape of QUERY_SHAPES) expect(table).toContain(`${shape.name} `);
    expect(table).toContain('uniqueness rests on _id, which the cloud makes unique in every collection');
    expect(table).toContain('a sparse shape is an ordinary index there');
    expect(table).toContain(`Every rule is ${DENY}`);
  });
});

describe('a rule that denies clients', () => {
  test('is CUSTOM with read and write false and nothing else', () => {
    expect(deniesClients({ aclTag: 'CUSTOM', rule: '{ "write": false, "read": false }' })).toBe(true);
    expect(deniesClients({ aclTag: 'CUSTOM', rule: '{"read":true,"write":false}' })).toBe(false);
    expect(deniesClients({ aclTag: 'CUSTOM', rule: '{"read":false,"write":false,"create":true}' })).toBe(false);
    expect(deniesClients({ aclTag: 'CUSTOM', rule: '{"read":false}' })).toBe(false);
    expect(deniesClients({ aclTag: 'CUSTOM', rule: 'not json' })).toBe(false);
    expect(deniesClients({ aclTag: 'CUSTOM', rule: null })).toBe(false);
    expect(deniesClients({ aclTag: 'ADMINONLY', rule: null })).toBe(false);
  });
});

describe('the changes', () => {
  const plan = planDatabase();

  test('for an empty environment create every collection, its rule before its indexes, and every index', () => {
    const changes = computeChanges(plan, { collections: [] });
    const expected: Change[] = plan.collections.flatMap((collection): Change[] => [
      { kind: 'createCollection', collection: collection.name },
      { kind: 'setRule', collection: collection.name, rule: { read: false, write: false }, was: null },
      ...collection.indexes.map((index): Change => ({ kind: 'createIndex', collection: collection.name, index })),
    ]);
    expect(changes).toEqual(expected);
    expect(changes.filter((change) => change.kind === 'createIndex')).toHaveLength(QUERY_SHAPES.length);
  });

  test('for an environment already up to date are none', () => {
    expect(computeChanges(plan, upToDate(plan))).toEqual([]);
  });

  test('for drift add what is missing, drop what no shape uses (never _id_), replace what differs and reset an open rule', () => {
    const state = upToDate(plan);
    const collections = state.collections.map((collection) => {
      if (collection.name === 'applications')
        return {
          ...collection,
          indexes: [
            ...collection.indexes.filter((index) => index.name !== 'applications_by_person'),
            { name: 'applications_by_status', keys: [{ field: 'status', direction: '1' }], unique: false },
          ],
        };
      if (collection.name === 'events') return { ...collection, rule: { aclTag: 'CUSTOM', rule: '{"read":true,"write":false}' } };
      if (collection.name === 'notifications')
        return {
          ...collection,
          indexes: collection.indexes.map((index) =>
            index.name === 'notifications_by_status' ? { ...index, keys: [{ field: 'status', direction: '-1' }, ...index.keys.slice(1)] } : index,
          ),
        };
      if (collection.name === 'files') return { ...collection, rule: { aclTag: 'PRIVATE', rule: null } };
      return collection;
    });
    const changes = computeChanges(plan, { collections: collections.filter((collection) => collection.name !== 'meta') });
    const index = (collection: string, name: string) => plan.collections.find((candidate) => candidate.name === collection)!.indexes.find((candidate) => candidate.name === name)!;
    expect(changes).toEqual([
      { kind: 'dropIndex', collection: 'applications', index: 'applications_by_status', reason: 'retired' },
      { kind: 'createIndex', collection: 'applications', index: index('applications', 'applications_by_person') },
      { kind: 'setRule', collection: 'events', rule: { read: false, write: false }, was: { aclTag: 'CUSTOM', rule: '{"read":true,"write":false}' } },
      { kind: 'setRule', collection: 'files', rule: { read: false, write: false }, was: { aclTag: 'PRIVATE', rule: null } },
      { kind: 'dropIndex', collection: 'notifications', index: 'notifications_by_status', reason: 'replaced' },
      { kind: 'createIndex', collection: 'notifications', index: index('notifications', 'notifications_by_status') },
      { kind: 'createCollection', collection: 'meta' },
      { kind: 'setRule', collection: 'meta', rule: { read: false, write: false }, was: null },
    ]);
    expect(changes.map(describeChange)).toEqual([
      'drop index applications_by_status on applications: no shape uses it any more',
      'create index applications_by_person on applications (idHash, submittedAt, _id)',
      `set the rule of events to ${DENY} (was CUSTOM {"read":true,"write":false})`,
      `set the rule of files to ${DENY} (was PRIVATE)`,
      "drop index notifications_by_status on notifications: its keys differ from its shape's (created again below)",
      'create index notifications_by_status on notifications (status, createdAt, _id)',
      'create collection meta',
      `set the rule of meta to ${DENY}`,
    ]);
  });

  test('never drop _id_, even when the collection has no shape at all', () => {
    const state: CurrentState = { collections: upToDate(plan).collections.map((collection) => ({ ...collection, indexes: [ID_INDEX] })) };
    const changes = computeChanges(plan, state);
    expect(changes.every((change) => change.kind === 'createIndex')).toBe(true);
    expect(changes).toHaveLength(QUERY_SHAPES.length);
  });

  test('replace an index of a shape made unique', () => {
    const state = upToDate(plan);
    const collections = state.collections.map((collection) =>
      collection.name === 'tokens'
        ? { ...collection, indexes: collection.indexes.map((index) => (index.name === 'tokens_by_expiry' ? { ...index, unique: true } : index)) }
        : collection,
    );
    expect(computeChanges(plan, { collections }).map((change) => change.kind)).toEqual(['dropIndex', 'createIndex']);
  });
});

interface Call {
  method: string;
  args: unknown[];
}

/** A CloudBase environment in memory, behind the methods of manager-node that the adapter uses, with their signatures. */
function standIn(options: { others?: number; failOn?: string } = {}) {
  const calls: Call[] = [];
  const collections = new Map<
    string,
    { indexes: { Name: string; Keys: { Name: string; Direction: string | number }[]; Unique: boolean }[]; rule: { AclTag: string; Rule: string | null } }
  >();
  for (let i = 0; i < (options.others ?? 0); i++) collections.set(`other_${String(i).padStart(3, '0')}`, { indexes: [], rule: { AclTag: 'PRIVATE', Rule: null } });
  const fail = (method: string) => {
    if (options.failOn === method) throw new Error(`[${method}] AuthFailure.SignatureFailure:\n the signature of secret key-of-a-city does not match`);
  };
  const table = (name: string) => {
    const found = collections.get(name);
    if (!found) throw new Error(`[DescribeTable] collection ${name} does not exist`);
    return found;
  };
  const manager: Manager = {
    database: {
      async listCollections(query = {}) {
        calls.push({ method: 'listCollections', args: [query] });
        fail('listCollections');
        const names = [...collections.keys()].sort();
        const offset = query.MgoOffset ?? 0;
        const limit = query.MgoLimit ?? 100;
        return {
          RequestId: 'r',
          Collections: names.slice(offset, offset + limit).map((name) => ({ TableName: name, CollectionName: name, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 })),
          Pager: { Offset: offset, Limit: limit, Total: names.length },
        };
      },
      async describeCollection(name) {
        calls.push({ method: 'describeCollection', args: [name] });
        const indexes = table(name).indexes;
        return {
          RequestId: 'r',
          IndexNum: indexes.length,
          Indexes: indexes.map((index) => ({
            ...index,
            Keys: index.Keys.map((key) => ({ Name: key.Name, Direction: String(key.Direction) })),
            Size: 0,
            Accesses: { Ops: 0, Since: '' },
          })),
        };
      },
      async createCollection(name) {
        calls.push({ method: 'createCollection', args: [name] });
        fail('createCollection');
        if (collections.has(name)) throw new Error(`[CreateTable] ${name} exists`);
        collections.set(name, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: 1 }], Unique: true }], rule: { AclTag: 'PRIVATE', Rule: null } });
        return { RequestId: 'r' };
      },
      async updateCollection(name, change) {
        calls.push({ method: 'updateCollection', args: [name, change] });
        const found = table(name);
        for (const drop of change.DropIndexes ?? []) {
          if (drop.IndexName === '_id_') throw new Error('[UpdateTable] cannot drop _id_');
          found.indexes = found.indexes.filter((index) => index.Name !== drop.IndexName);
        }
        for (const create of change.CreateIndexes ?? []) {
          if (found.indexes.some((index) => index.Name === create.IndexName)) throw new Error(`[UpdateTable] index ${create.IndexName} exists`);
          found.indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys, Unique: create.MgoKeySchema.MgoIsUnique });
        }
        return { RequestId: 'r' };
      },
    },
    commonService(service, version) {
      return {
        async call(request) {
          calls.push({ method: `commonService(${service}, ${version}).call`, args: [request] });
          const found = table(String(request.Param.CollectionName));
          if (request.Action === 'DescribeSafeRule') return { RequestId: 'r', ...found.rule };
          if (request.Action === 'ModifySafeRule') {
            found.rule = { AclTag: String(request.Param.AclTag), Rule: String(request.Param.Rule) };
            return { RequestId: 'r' };
          }
          throw new Error(`[${request.Action}] not offered by the stand-in`);
        },
      };
    },
  };
  return { manager, calls, collections };
}

describe('the adapter over manager-node', () => {
  test('reads collections page by page, then each planned one that exists: its indexes and its rule', async () => {
    const cloud = standIn({ others: 150 });
    cloud.collections.set('events', {
      indexes: [
        { Name: '_id_', Keys: [{ Name: '_id', Direction: 1 }], Unique: true },
        {
          Name: 'events_by_application',
          Keys: [
            { Name: 'applicationId', Direction: '1' },
            { Name: 'seq', Direction: '1' },
            { Name: '_id', Direction: '1' },
          ],
          Unique: false,
        },
      ],
      rule: { AclTag: 'CUSTOM', Rule: DENY },
    });
    const state = await cloudDatabase(cloud.manager, 'env-1', 'wx-city').read(['events', 'views']);
    expect(state).toEqual({
      collections: [
        {
          name: 'events',
          indexes: [
            { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
            { name: 'events_by_application', keys: ['applicationId', 'seq', '_id'].map((field) => ({ field, direction: '1' })), unique: false },
          ],
          rule: { aclTag: 'CUSTOM', rule: DENY },
        },
      ],
    });
    expect(cloud.calls).toEqual([
      { method: 'listCollections', args: [{ MgoLimit: 100, MgoOffset: 0 }] },
      { method: 'listCollections', args: [{ MgoLimit: 100, MgoOffset: 100 }] },
      { method: 'describeCollection', args: ['events'] },
      { method: 'commonService(tcb, 2018-06-08).call', args: [{ Action: 'DescribeSafeRule', Param: { EnvId: 'env-1', CollectionName: 'events', WxAppId: 'wx-city' } }] },
    ]);
  });

  test('makes each change with the call manager-node offers for it', async () => {
    const cloud = standIn();
    const database = cloudDatabase(cloud.manager, 'env-1');
    const index = { name: 'events_by_application', keys: ['applicationId', 'seq', '_id'], sparse: false };
    await database.apply({ kind: 'createCollection', collection: 'events' });
    await database.apply({ kind: 'setRule', collection: 'events', rule: { read: false, write: false }, was: null });
    await database.apply({ kind: 'createIndex', collection: 'events', index });
    await database.apply({ kind: 'dropIndex', collection: 'events', index: 'events_by_application', reason: 'retired' });
    expect(cloud.calls).toEqual([
      { method: 'createCollection', args: ['events'] },
      { method: 'commonService(tcb, 2018-06-08).call', args: [{ Action: 'ModifySafeRule', Param: { EnvId: 'env-1', CollectionName: 'events', AclTag: 'CUSTOM', Rule: DENY } }] },
      {
        method: 'updateCollection',
        args: [
          'events',
          {
            CreateIndexes: [
              {
                IndexName: 'events_by_application',
                MgoKeySchema: {
                  MgoIsUnique: false,
                  MgoIndexKeys: [
                    { Name: 'applicationId', Direction: '1' },
                    { Name: 'seq', Direction: '1' },
                    { Name: '_id', Direction: '1' },
                  ],
                },
              },
            ],
          },
        ],
      },
      { method: 'updateCollection', args: ['events', { DropIndexes: [{ IndexName: 'events_by_application' }] }] },
    ]);
    expect(cloud.collections.get('events')).toEqual({ indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: 1 }], Unique: true }], rule: { AclTag: 'CUSTOM', Rule: DENY } });
  });
});

describe('the command', () => {
  const keys = { TENCENTCLOUD_SECRETID: 'id-of-a-city', TENCENTCLOUD_SECRETKEY: 'key-of-a-city', CLOUDBASE_ENV: 'env-1' };

  async function run(argv: string[], cloud: ReturnType<typeof standIn>, env: Record<string, string> = keys) {
    const out: string[] = [];
    const err: string[] = [];
    const connections: Connection[] = [];
    const code = await main(argv, env, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      connect: async (connection) => {
        connections.push(connection);
        return cloud.manager;
      },
    });
    return { code, out: out.join('\n'), err: err.join('\n'), connections };
  }
  const mutating = (calls: Call[]) =>
    calls.filter((call) => call.method === 'createCollection' || call.method === 'updateCollection' || JSON.stringify(call.args).includes('ModifySafeRule'));

  test('with keys prints what it would change and changes nothing; --apply makes each change, after which nothing is left', async () => {
    const cloud = standIn();
    const looked = await run([], cloud);
    expect(looked.code).toBe(0);
    expect(looked.connections).toEqual([{ secretId: 'id-of-a-city', secretKey: 'key-of-a-city', envId: 'env-1' }]);
    expect(looked.out).toContain('Environment env-1 differs from the plan');
    for (const name of COLLECTION_NAMES) expect(looked.out).toContain(`  create collection ${name}\n  set the rule of ${name} to ${DENY}`);
    for (const shape of QUERY_SHAPES) expect(looked.out).toContain(`  create index ${shape.name} on ${shape.collection} (`);
    expect(looked.out).toContain('Run with --apply');
    expect(mutating(cloud.calls)).toEqual([]);

    const applied = await run(['--apply'], cloud);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`  done: create collection ${COLLECTION_NAMES[0]}`);
    expect(applied.out.match(/ {2}done: /g)).toHaveLength(COLLECTION_NAMES.length * 2 + QUERY_SHAPES.length);
    expect(applied.out).toContain('Environment env-1 now matches the plan.');

    const again = await run(['--apply'], cloud);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Environment env-1 matches the plan: nothing to change.');
    expect(again.out).not.toContain('done:');
  });

  test('a failure is one line without the keys or a stack, and exit 1', async () => {
    const failed = await run([], standIn({ failOn: 'listCollections' }));
    expect(failed.code).toBe(1);
    expect(failed.err).toBe('database: reading environment env-1 failed: [listCollections] AuthFailure.SignatureFailure: the signature of secret *** does not match');
    expect(failed.out + failed.err).not.toContain('key-of-a-city');

    const cloud = standIn({ failOn: 'createCollection' });
    const partway = await run(['--apply'], cloud);
    expect(partway.code).toBe(1);
    expect(partway.err).toBe(
      `database: create collection ${COLLECTION_NAMES[0]} failed: [createCollection] AuthFailure.SignatureFailure: the signature of secret *** does not match`,
    );
    expect(partway.out).not.toContain('done:');

    // As manager-node reports a network failure: an error whose message is not text but node-fetch's error.
    const unreachable = standIn();
    const network = new Error('request to https://tcb.tencentcloudapi.com/ failed, reason: connect ECONNREFUSED 127.0.0.1:443');
    unreachable.manager.database.listCollections = async () => {
      throw Object.assign(new Error(), { message: network as unknown as string });
    };
    const offline = await run([], unreachable);
    expect(offline.code).toBe(1);
    expect(offline.err).toBe('database: reading environment env-1 failed: request to https://tcb.tencentcloudapi.com/ failed, reason: connect ECONNREFUSED 127.0.0.1:443');
  });

  test('refuses an argument it does not know, before reaching any environment', async () => {
    const cloud = standIn();
    const refused = await run(['--aply'], cloud);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('database: unknown argument --aply; the only one is --apply');
    expect(refused.connections).toEqual([]);
  });

  test('spawned without keys prints the plan, says which variables to set, and exits non-zero', () => {
    const env = { ...process.env };
    for (const name of ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'CLOUDBASE_ENV']) delete env[name];
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'database.mjs')], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(planTable(planDatabase()));
    expect(result.stderr.trim()).toBe(
      'database: set TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and CLOUDBASE_ENV to compare with an environment (missing: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV; TENCENTCLOUD_REGION too when it is not in ap-shanghai)',
    );
  });
});

describe('the real manager-node, over HTTP to a stand-in of tcb.tencentcloudapi.com', () => {
  /** Each request as the API receives it: its action (the X-TC-Action header) and its JSON body. */
  const requests: { action: string; body: Record<string, any> }[] = [];
  const tables = new Map<string, { Indexes: Record<string, unknown>[]; AclTag: string; Rule: string | null }>();
  let server: Server;
  const saved = process.env.TCB_BASE_URL;

  const answer = (action: string, body: Record<string, any>): Record<string, unknown> => {
    const table = tables.get(body.TableName ?? body.CollectionName);
    switch (action) {
      case 'DescribeEnvInfo':
        return { EnvInfo: { EnvBaseInfo: { EnvId: body.EnvId, Databases: [{ InstanceId: 'tnt-1' }], Storages: [], Functions: [] } } };
      case 'ListTables': {
        const names = [...tables.keys()].slice(body.MgoOffset, body.MgoOffset + body.MgoLimit);
        return {
          Tables: names.map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 })),
          Pager: { Offset: body.MgoOffset, Limit: body.MgoLimit, Total: tables.size },
        };
      }
      case 'CreateTable':
        tables.set(body.TableName, { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], AclTag: 'PRIVATE', Rule: null });
        return {};
      case 'DescribeTable':
        return { Indexes: table!.Indexes, IndexNum: table!.Indexes.length };
      case 'UpdateTable':
        for (const create of body.CreateIndexes ?? [])
          table!.Indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys, Unique: create.MgoKeySchema.MgoIsUnique });
        return {};
      case 'DescribeSafeRule':
        return { AclTag: table!.AclTag, Rule: table!.Rule };
      case 'ModifySafeRule':
        Object.assign(table!, { AclTag: body.AclTag, Rule: body.Rule });
        return {};
      default:
        return { Error: { Code: 'InvalidAction', Message: `no action ${action}` } };
    }
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        const action = String(request.headers['x-tc-action']);
        const body = JSON.parse(text || '{}');
        requests.push({ action, body });
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ Response: { RequestId: `req-${requests.length}`, ...answer(action, body) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.TCB_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.TCB_BASE_URL;
    else process.env.TCB_BASE_URL = saved;
    await new Promise((resolve) => server.close(resolve));
  });

  test('sends the actions the adapter means, with manager-node filling in the environment and its database instance', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), connect: connectManager };
    const env = { TENCENTCLOUD_SECRETID: 'id-of-a-city', TENCENTCLOUD_SECRETKEY: 'key-of-a-city', CLOUDBASE_ENV: 'env-1' };
    expect(await main(['--apply'], env, io)).toBe(0);
    const connector = { DatabaseName: 'tnt-1', InstanceId: 'flexdb' };
    const [first] = planDatabase().collections;
    const firstIndex = first.indexes[0];
    expect(requests.slice(0, 6)).toEqual([
      { action: 'DescribeEnvInfo', body: { EnvId: 'env-1' } },
      { action: 'ListTables', body: { EnvId: 'env-1', MongoConnector: connector, MgoLimit: 100, MgoOffset: 0 } },
      { action: 'CreateTable', body: { EnvId: 'env-1', MongoConnector: connector, TableName: first.name } },
      { action: 'ModifySafeRule', body: { EnvId: 'env-1', CollectionName: first.name, AclTag: 'CUSTOM', Rule: DENY } },
      {
        action: 'UpdateTable',
        body: {
          EnvId: 'env-1',
          MongoConnector: connector,
          TableName: first.name,
          CreateIndexes: [{ IndexName: firstIndex.name, MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: firstIndex.keys.map((Name) => ({ Name, Direction: '1' })) } }],
        },
      },
      expect.objectContaining({ action: 'UpdateTable' }),
    ]);
    expect([...tables.keys()]).toEqual(COLLECTION_NAMES);

    requests.length = 0;
    expect(await main([], env, io)).toBe(0);
    expect(lines[lines.length - 1]).toBe('Environment env-1 matches the plan: nothing to change.');
    expect(requests.map((request) => request.action)).toEqual(['DescribeEnvInfo', 'ListTables', ...COLLECTION_NAMES.flatMap(() => ['DescribeTable', 'DescribeSafeRule'])]);
  });
});
