// Cloud file storage through the real wx-server-sdk over the in-memory backend: ids of the environment's
// own storage, links asked 50 at a time, a file inspected by its first bytes, and uploads confirmed by the server.
import { cloudFiles, type CloudStorageSdk } from '../../server/cloud/files';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../../server/files/uploads';
import type { FileStorage } from '../../server/files/types';
import { runFunction } from '../../server/functions';
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';
import { JPEG_HEAD, PNG_BYTES } from '../support/images';
import { COLLECTION_NAMES } from '../../server/store/types';
import { createWorld, type World } from '../support/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as CloudStorageSdk & { init(options: Record<string, unknown>): void };

let memory: MemoryCloud;
let files: FileStorage;
beforeAll(async () => {
  memory = await installMemoryCloud({ collections: COLLECTION_NAMES });
  sdk.init({ env: memory.env });
  files = cloudFiles(sdk, memory.env);
});
afterAll(() => memory.close());
beforeEach(() => memory.reset());

const linkCalls = () => memory.calls.filter((c) => c.api === 'storage.batchGetDownloadUrl');

describe('cloud file ids', () => {
  it('name a path of this environment’s storage only', () => {
    const fileId = memory.upload('uploads/abc/photo.png', PNG_BYTES);
    expect(files.pathOf(fileId)).toBe('uploads/abc/photo.png');
    expect(files.pathOf(fileId.replace(`cloud://${memory.env}.`, 'cloud://other-env.'))).toBeNull();
    expect(files.pathOf('uploads/abc/photo.png')).toBeNull();
    expect(files.pathOf('f-abcdefghijkmnpqrstuv')).toBeNull();
  });
});

describe('links', () => {
  it('are asked of getTempFileURL 50 ids at a time, and only files that exist get one', async () => {
    const stored = Array.from({ length: 120 }, (_, i) => memory.upload(`uploads/abc/p${i}.png`, PNG_BYTES));
    const missing = stored[0].replace('p0.png', 'gone.png');
    const links = await files.linksFor([...stored, missing, stored[1]], Date.now());
    expect(Object.keys(links).sort()).toEqual([...stored].sort());
    const batches = linkCalls().map((c) => (c.params.file_list as unknown[]).length);
    expect(batches.sort((a, b) => b - a)).toEqual([50, 50, 21]);
    const answer = await fetch(links[stored[7]]);
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(PNG_BYTES);
  });
});

describe('inspecting a stored file', () => {
  it('reads its size and first bytes with a ranged request, never the whole file', async () => {
    const large = Buffer.concat([JPEG_HEAD, Buffer.alloc(MAX_UPLOAD_BYTES + 1)]);
    const fileId = memory.upload('uploads/abc/large.jpg', large);
    const inspected = await files.inspect(fileId);
    expect(inspected?.size).toBe(large.length);
    expect(Buffer.from(inspected!.head)).toEqual(large.subarray(0, 16));
  });

  it('finds nothing for a missing file, or one of another environment (without asking)', async () => {
    const fileId = memory.upload('uploads/abc/here.png', PNG_BYTES);
    expect(await files.inspect(fileId.replace('here', 'gone'))).toBeNull();
    const asked = linkCalls().length;
    expect(await files.inspect(fileId.replace(`cloud://${memory.env}.`, 'cloud://other-env.'))).toBeNull();
    expect(linkCalls()).toHaveLength(asked);
  });
});

describe('uploads confirmed by the server, with the cloud storage', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  const call = (openid: string, action: string, payload: unknown) => runFunction('resident', { ...world.context(openid), files }, { action, payload });
  const issuedPath = async (openid: string) => ((await call(openid, 'prepareUpload', { extension: 'png' })) as { data: { cloudPath: string } }).data.cloudPath;

  it('records the uploader’s own image at an issued path, and refuses anything else with the field named', async () => {
    const own = memory.upload(await issuedPath('alice'), PNG_BYTES);
    expect(await call('alice', 'confirmUpload', { fileId: own })).toEqual({ ok: true, data: { fileId: own } });
    expect(await world.store.get('files', own)).toMatchObject({ owner: 'alice', mime: 'image/png', size: PNG_BYTES.length });
    const refusal = (message: string) => ({ ok: false, error: { code: 'INVALID_INPUT', fields: { fileId: message } } });
    expect(await call('bob', 'confirmUpload', { fileId: own })).toMatchObject(refusal(UPLOAD_MESSAGES.notYours));
    const text = memory.upload(await issuedPath('alice'), Buffer.from('not an image at all'));
    expect(await call('alice', 'confirmUpload', { fileId: text })).toMatchObject(refusal(UPLOAD_MESSAGES.notImage));
    const huge = memory.upload(await issuedPath('alice'), Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_UPLOAD_BYTES)]));
    expect(await call('alice', 'confirmUpload', { fileId: huge })).toMatchObject(refusal(UPLOAD_MESSAGES.tooLarge));
    const elsewhere = memory.upload('uploads/not-issued/photo.png', PNG_BYTES);
    expect(await call('alice', 'confirmUpload', { fileId: elsewhere })).toMatchObject(refusal(UPLOAD_MESSAGES.notYours));
    expect(await world.store.get('files', text)).toBeNull();
  });
});
