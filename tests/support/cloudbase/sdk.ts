// The two seams of wx-server-sdk's bundled @cloudbase/node-sdk that every cloud call goes through, and
// the packages the SDK itself uses (bson, protobufjs), resolved from the SDK's own folders.
import { createRequire } from 'node:module';
import path from 'node:path';

/** An error body of the cloud ({ code, message }): the SDK turns it into its own error objects. */
export interface CloudErrorBody {
  code: string;
  message: string;
  requestId?: string;
}

export type DbSend = (api: string, data: Record<string, unknown> | undefined) => Promise<unknown>;
export type Request = (args: { params: Record<string, unknown> }) => Promise<unknown>;

interface DbRequesterModule {
  TcbDBApiHttpRequester: { prototype: { send: (api: string, data: unknown, opts: unknown) => Promise<unknown> } };
}
interface RequesterModule {
  request: (args: { params: Record<string, unknown> }) => Promise<unknown>;
}

// The copy that `require('wx-server-sdk')` loads, from tests and from esbuild bundles of the cloud
// functions alike (they keep wx-server-sdk external): patching its modules patches every caller.
const fromServerSdk = createRequire(require.resolve('wx-server-sdk'));
const nodeSdkDir = path.dirname(fromServerSdk.resolve('@cloudbase/node-sdk/package.json'));
const fromNodeSdk = createRequire(path.join(nodeSdkDir, 'package.json'));
const databaseDir = path.dirname(fromNodeSdk.resolve('@cloudbase/database/package.json'));
const fromDatabase = createRequire(path.join(databaseDir, 'package.json'));

const dbRequester: DbRequesterModule = fromNodeSdk(path.join(nodeSdkDir, 'dist/utils/tcbdbapirequester.js'));
const requester: RequesterModule = fromNodeSdk(path.join(nodeSdkDir, 'dist/utils/tcbapirequester.js'));
const sdkUtils: { processReturn: (body: CloudErrorBody) => unknown } = fromNodeSdk(path.join(nodeSdkDir, 'dist/utils/utils.js'));

/** The bson the database SDK parses answers with: its EJSON must read what we write. */
export const bson: typeof import('bson') = fromDatabase('bson');
/** What we use of protobufjs (7.x under wx-server-sdk; the root copy's types are of another major). */
export interface Protobuf {
  Root: { fromJSON(json: unknown): { lookupType(name: string): ProtoType } };
}
export interface ProtoType {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: { bytes: typeof Buffer; defaults: boolean }): Record<string, unknown>;
  encode(message: Record<string, unknown>): { finish(): Uint8Array };
}
/** The protobufjs wx-server-sdk encodes its open-API requests with. */
export const protobuf: Protobuf = fromServerSdk('protobufjs');

/** Puts the SDK's own methods back; set while a memory cloud is installed. */
let restore: (() => void) | null = null;

/**
 * Routes the SDK's database calls to `send` and its other calls to `request`, until the returned
 * function is called. An answer with a `code` goes through the SDK's own processReturn, as the real
 * request does with the cloud's error body.
 */
export function patchSdk(send: DbSend, request: Request): () => void {
  if (restore) throw new Error('a memory cloud is already installed: close it before installing another');
  const originalSend = dbRequester.TcbDBApiHttpRequester.prototype.send;
  const originalRequest = requester.request;
  const answer = (body: unknown) => (isErrorBody(body) ? sdkUtils.processReturn(body) : body);
  dbRequester.TcbDBApiHttpRequester.prototype.send = async (api, data) => answer(await send(api, data as Record<string, unknown> | undefined));
  requester.request = async (args) => answer(await request(args));
  const own = () => {
    dbRequester.TcbDBApiHttpRequester.prototype.send = originalSend;
    requester.request = originalRequest;
    restore = null;
  };
  restore = own;
  // Closing twice, or after another cloud was installed, leaves the current patch alone.
  return () => {
    if (restore === own) own();
  };
}

function isErrorBody(body: unknown): body is CloudErrorBody {
  return typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && typeof (body as { code?: unknown }).code === 'string';
}
