// The local host's upload to an issued path (POST /api/files with `cloudPath` before the file), as the
// mini-program uses it: bytes stored at the path with no owner until confirmUpload, as in the cloud.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../../server/files/uploads';
import { start, type Started } from '../../server/local/main';
import { ALICE, BOB } from '../support/declarations';
import { hostClient, type HostClient } from '../support/hostClient';
import { PNG_BYTES } from '../support/images';

let host: Started;
let dir: string;
let client: HostClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uploads-host-'));
  host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T10:00:00+08:00' }, true);
  client = hostClient(host.url);
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function prepare(openid: string): Promise<string> {
  const answer = await client.call('resident', openid, 'prepareUpload', { extension: 'png' });
  return answer.body.data.cloudPath as string;
}

/** A multipart upload whose parts come in the order given: fields as text, `file` as the photo. */
async function post(openid: string, parts: [string, string | Buffer][]): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value], { type: 'image/png' }), 'photo.png');
  }
  const res = await fetch(`${host.url}/api/files`, { method: 'POST', body: form, headers: { 'X-Openid': openid } });
  return { status: res.status, body: await res.json() };
}

const fileStatus = async (fileId: string, openid: string) => (await fetch(`${host.url}/api/files/${encodeURIComponent(fileId)}`, { headers: { 'X-Openid': openid } })).status;

it('stores the photo at the caller’s path, and serves it only once it is confirmed', async () => {
  const cloudPath = await prepare(ALICE.openid);
  const uploaded = await post(ALICE.openid, [
    ['cloudPath', cloudPath],
    ['file', PNG_BYTES],
  ]);
  expect(uploaded).toMatchObject({ status: 200, body: { ok: true, data: { fileId: expect.stringMatching(/^u-/) } } });
  const { fileId } = uploaded.body.data as { fileId: string };
  // No owner yet: the host has not recorded it, exactly as cloud storage records nobody.
  expect(await fileStatus(fileId, ALICE.openid)).toBe(404);
  const confirmed = await client.call('resident', ALICE.openid, 'confirmUpload', { fileId });
  expect(confirmed.body).toEqual({ ok: true, data: { fileId } });
  expect(await fileStatus(fileId, ALICE.openid)).toBe(200);
  expect(await fileStatus(fileId, BOB.openid)).toBe(404);
  const { links } = (await client.call('resident', ALICE.openid, 'fileLinks', { fileIds: [fileId] })).body.data as { links: Record<string, string> };
  const served = await fetch(`${host.url}${links[fileId]}`);
  expect(served.status).toBe(200);
  expect(Buffer.from(await served.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
});

it('refuses another caller’s path, and stores nothing there', async () => {
  const bobsPath = await prepare(BOB.openid);
  const refused = await post(ALICE.openid, [
    ['cloudPath', bobsPath],
    ['file', PNG_BYTES],
  ]);
  expect(refused).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { cloudPath: UPLOAD_MESSAGES.cloudPath } } } });
  // The path is still free for Bob.
  expect(
    await post(BOB.openid, [
      ['cloudPath', bobsPath],
      ['file', PNG_BYTES],
    ]),
  ).toMatchObject({ status: 200, body: { ok: true } });
});

it('refuses a path that was never issued, a path sent after the file, and a path used twice', async () => {
  for (const cloudPath of ['uploads/x/y.png', '../files/f-aaaaaaaaaaaaaaaaaaaa', '', 'x'.repeat(1000)]) {
    expect(
      await post(ALICE.openid, [
        ['cloudPath', cloudPath],
        ['file', PNG_BYTES],
      ]),
    ).toMatchObject({ body: { ok: false, error: { fields: { cloudPath: expect.any(String) } } } });
  }
  const late = await post(ALICE.openid, [
    ['file', PNG_BYTES],
    ['cloudPath', await prepare(ALICE.openid)],
  ]);
  expect(late.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { cloudPath: UPLOAD_MESSAGES.cloudPath } } });
  const cloudPath = await prepare(ALICE.openid);
  expect(
    (
      await post(ALICE.openid, [
        ['cloudPath', cloudPath],
        ['file', PNG_BYTES],
      ])
    ).body.ok,
  ).toBe(true);
  expect(
    (
      await post(ALICE.openid, [
        ['cloudPath', cloudPath],
        ['file', PNG_BYTES],
      ])
    ).body,
  ).toMatchObject({ ok: false, error: { fields: { cloudPath: UPLOAD_MESSAGES.pathTaken } } });
});

it('leaves the content to confirmUpload, as the cloud does, and keeps the size limit of the route', async () => {
  const cloudPath = await prepare(ALICE.openid);
  const stored = await post(ALICE.openid, [
    ['cloudPath', cloudPath],
    ['file', Buffer.from('%PDF-1.7 not an image')],
  ]);
  expect(stored.body.ok).toBe(true);
  const confirmed = await client.call('resident', ALICE.openid, 'confirmUpload', { fileId: stored.body.data.fileId });
  expect(confirmed.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { fileId: UPLOAD_MESSAGES.notImage } } });
  const big = await post(ALICE.openid, [
    ['cloudPath', await prepare(ALICE.openid)],
    ['file', Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_UPLOAD_BYTES)])],
  ]);
  expect(big).toMatchObject({ status: 413, body: { ok: false, error: { fields: { file: expect.any(String) } } } });
  expect((await post(ALICE.openid, [['cloudPath', await prepare(ALICE.openid)]])).body).toMatchObject({ ok: false, error: { fields: { file: expect.any(String) } } });
});

it('keeps the upload without a path as it was: stored and owned at once', async () => {
  const fileId = await client.upload(BOB.openid);
  expect(fileId).toMatch(/^f-/);
  expect(await fileStatus(fileId, BOB.openid)).toBe(200);
});
