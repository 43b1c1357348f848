// An in-memory CloudBase for tests: the real wx-server-sdk (and the node-sdk and database SDK it bundles)
// runs against it offline and gets the real cloud's answers and errors. See database.ts, storage.ts, openapi.ts.
import { decode, MemoryDatabase } from './database';
import { copy } from './documents';
import { decodeOpenApiRequest, encodeOpenApiResponse, type OpenApiHandler } from './openapi';
import { patchSdk, type CloudErrorBody } from './sdk';
import { MemoryStorage } from './storage';

export interface MemoryCloudCall {
  /** The request's action, e.g. `database.getDocument`, `storage.batchGetDownloadUrl`, `wx.openApi`. */
  api: string;
  /** Its parameters, EJSON and protobuf decoded (`query`, `data`, `order`…; for wx.openApi `apiName` and `data`). */
  params: Record<string, unknown>;
}

export interface MemoryCloud {
  env: string;
  /** The committed documents of a collection, decoded, sorted by _id. */
  documents(collection: string): Record<string, unknown>[];
  /** Stores a file as if uploaded to `cloudPath`; returns its fileID (`cloud://<env>.<bucket>/<cloudPath>`). */
  upload(cloudPath: string, bytes: Buffer): string;
  /** Every call the SDK made, in order. */
  calls: MemoryCloudCall[];
  /** The next call of `api` fails with this error body, as if the cloud had answered it (a failed commit also ends its transaction). */
  failNext(api: string, error: { code: string; message: string }): void;
  /** Answers `cloud.openapi.<api>(data)` with WeChat's JSON (data in WeChat's snake_case). */
  onOpenApi(handler: (api: string, data: unknown) => unknown): void;
  /** Empties every collection, storage, the calls and pending failures; ends open transactions. */
  reset(): void;
  /** Stops the link server and gives the SDK back its own methods. */
  close(): Promise<void>;
}

export interface MemoryCloudOptions {
  env?: string;
  /** The collections that exist, as on the real cloud where they are created beforehand. */
  collections: readonly string[];
  /** The clock links expire by, in ms (default Date.now): lets a test age a link without waiting. */
  now?: () => number;
}

export async function installMemoryCloud(options: MemoryCloudOptions): Promise<MemoryCloud> {
  const env = options.env ?? 'test-env';
  const database = new MemoryDatabase(env, options.collections);
  const storage = new MemoryStorage(env, options.now ?? Date.now);
  const calls: MemoryCloudCall[] = [];
  const failures = new Map<string, CloudErrorBody[]>();
  let openApi: OpenApiHandler | null = null;
  let requests = 0;
  let closed = false;

  const injected = (api: string): CloudErrorBody | undefined => failures.get(api)?.shift();
  const withRequestId = (body: unknown) => (body && typeof body === 'object' && !Buffer.isBuffer(body) ? { ...body, requestId: `memory-${++requests}` } : body);

  const unpatch = patchSdk(
    async (api, data) => {
      const params = data ?? {};
      calls.push({ api, params: decodeParams(params) });
      const failure = injected(api);
      if (failure) {
        if (api === 'database.commitTransaction') database.discard(params.transactionId);
        return withRequestId(failure);
      }
      return withRequestId(database.handle(api, params));
    },
    async ({ params }) => {
      const { action, ...rest } = params;
      const api = String(action);
      const openApiData = api === 'wx.openApi' ? decodeOpenApiRequest(rest.requestData) : undefined;
      calls.push({ api, params: openApiData ? { apiName: rest.apiName, data: openApiData } : rest });
      const failure = injected(api);
      if (failure) return withRequestId(failure);
      if (api === 'storage.batchGetDownloadUrl') return withRequestId(storage.links(rest));
      if (api === 'wx.openApi') {
        if (!openApi) throw new Error(`no onOpenApi handler for openapi.${String(rest.apiName)}`);
        // The cloud answers 云调用 with protobuf bytes, not JSON: no requestId to add.
        return encodeOpenApiResponse(await openApi(String(rest.apiName), openApiData ?? {}));
      }
      throw new Error(`the memory cloud does not answer ${api}`);
    },
  );
  try {
    await storage.listen();
  } catch (error) {
    unpatch();
    throw error;
  }

  return {
    env,
    calls,
    documents(collection) {
      const docs = database.committed.all(collection).map(copy);
      return docs.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0));
    },
    upload: (cloudPath, bytes) => storage.upload(cloudPath, bytes),
    failNext(api, error) {
      failures.set(api, [...(failures.get(api) ?? []), { code: error.code, message: error.message }]);
    },
    onOpenApi(handler) {
      openApi = handler as OpenApiHandler;
    },
    reset() {
      database.reset();
      storage.clear();
      calls.length = 0;
      failures.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      unpatch();
      await storage.close();
    },
  };
}

/** The SDK sends queries, documents and orders as EJSON text: the record holds them decoded. */
function decodeParams(params: Record<string, unknown>): Record<string, unknown> {
  const decoded: Record<string, unknown> = { ...params };
  for (const key of ['query', 'data', 'order', 'projection']) if (key in decoded) decoded[key] = decode(decoded[key]);
  return decoded;
}
