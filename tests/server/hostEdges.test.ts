// The local host's edges, as a stranger or a bad network would try them: unreadable targets, lying
// and cut-off bodies, slow clients, path tricks and forged links, and hundreds of requests at once.
// Each is refused with a result object, and the host goes on serving.
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentActions } from '../../server/handlers/resident';
import { staffActions } from '../../server/handlers/staff';
import { personKeyer } from '../../server/ids';
import { devClock } from '../../server/local/clock';
import { MAX_UPLOAD_BYTES } from '../../server/files/uploads';
import { localFiles } from '../../server/local/fileStorage';
import { createHost, MAX_BODY_BYTES } from '../../server/local/host';
import { start, type Started } from '../../server/local/main';
import { MULTIPART_ALLOWANCE_BYTES } from '../../server/local/uploads';
import { openSqliteStore } from '../../server/store/sqlite';
import { developmentVerifier } from '../../server/verification/development';
import { PNG_BYTES } from '../support/images';
import { multipart, open, rawRequest, readAnswer, resultOf } from '../support/rawHttp';

let host: Started;
let dir: string;
const OWNER = 'edge-owner';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edges-'));
  host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T10:00:00+08:00' }, true);
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

const port = () => new URL(host.url).port;
const afterTest: (() => void)[] = [];
afterEach(() => afterTest.splice(0).forEach((done) => done()));
const healthy = async () => expect((await fetch(`${host.url}/api/health`)).status).toBe(200);

/** A request line, headers and body as bytes on the wire. */
function wire(target: string, headers: Record<string, string | number>, body: string | Buffer = '', method = 'POST'): Buffer {
  const head = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port()}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

async function upload(bytes: Buffer, openid = OWNER, type = 'image/png'): Promise<{ status: number; body: any }> {
  const { body, contentType } = multipart(bytes, 'file', type);
  const answer = await rawRequest(host.url, wire('/api/files', { 'Content-Type': contentType, 'Content-Length': body.length, 'X-Openid': openid, Connection: 'close' }, body));
  return { status: answer.status, body: resultOf(answer) };
}

describe('requests that used to stop the host', () => {
  it.each(['//', '//a:b@c:d/', 'http://[::1'])('answers the unreadable target %s with NOT_FOUND', async (target) => {
    const answer = await rawRequest(host.url, wire(target, { 'Content-Length': 2 }, '{}', 'GET'));
    expect(answer.status).toBe(404);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await healthy();
  });

  it('answers an upload whose body ends inside the file part', async () => {
    const { body, contentType } = multipart(PNG_BYTES);
    const cut = body.subarray(0, body.length - 40);
    const answer = await rawRequest(host.url, wire('/api/files', { 'Content-Type': contentType, 'Content-Length': cut.length, 'X-Openid': OWNER }, cut));
    expect(answer.status).toBe(400);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
    await healthy();
  });

  it('answers what the HTTP parser refuses with a result object', async () => {
    const answer = await rawRequest(host.url, Buffer.from('GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 'latin1'));
    expect(answer.status).toBe(400);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await healthy();
  });
});

describe('deeply nested bodies', () => {
  // 100 000 levels of nesting (200 KB): JSON.parse reads them, and anything that walks them recursively overflows its stack.
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const parts = ['applicant', 'residence', 'contact', 'materials', 'consent', 'items', 'reasons', 'districts', 'cursor', 'fileIds', 'id'];

  it('answers every action of both functions without INTERNAL, nested at the payload or inside any part', async () => {
    await fetch(`${host.url}/api/dev/staff`, { method: 'POST', body: JSON.stringify({ openid: 'edge-officer', districts: ['430104'] }) });
    const actions = { resident: Object.keys(residentActions), staff: Object.keys(staffActions) };
    for (const [fn, names] of Object.entries(actions)) {
      for (const action of names) {
        const bodies = [
          `{"action":"${action}","requestId":"deep-1","payload":${deep}}`,
          ...parts.map((part) => `{"action":"${action}","requestId":"deep-2","payload":{"id":"x","${part}":{"a":${deep}}}}`),
        ];
        for (const body of bodies) {
          const res = await fetch(`${host.url}/api/functions/${fn}`, { method: 'POST', headers: { 'X-Openid': fn === 'staff' ? 'edge-officer' : OWNER }, body });
          const result = (await res.json()) as { ok: boolean; error?: { code: string } };
          expect([fn, action, res.status, result.error?.code === 'INTERNAL']).toEqual([fn, action, 200, false]);
        }
      }
    }
    await healthy();
  });
});

describe('malformed percent-encoding', () => {
  it.each(['/api/functions/%E0%A4%A', '/api/functions/%', '/api/functions/res%ident'])('answers %s with 404 NOT_FOUND', async (target) => {
    const answer = await rawRequest(host.url, wire(target, { 'Content-Type': 'application/json', 'Content-Length': 2, 'X-Openid': OWNER }, '{}'));
    expect(answer.status).toBe(404);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each(['%E0%A4%A', '%', '%C0%AE%C0%AE'])('answers the file id %s with 404 NOT_FOUND', async (fileId) => {
    const answer = await rawRequest(host.url, wire(`/api/files/${fileId}`, { 'X-Openid': OWNER }, '', 'GET'));
    expect(answer.status).toBe(404);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the upload limit', () => {
  const ofSize = (size: number) => Buffer.concat([PNG_BYTES, Buffer.alloc(size - PNG_BYTES.length)]);

  it('takes a photo of exactly 10 MiB and refuses one byte more', async () => {
    const exact = await upload(ofSize(MAX_UPLOAD_BYTES));
    expect(exact.status).toBe(200);
    expect(exact.body).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^f-/) } });
    const over = await upload(ofSize(MAX_UPLOAD_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } });
  });
});

describe('refusals that do not wait for the body', () => {
  // The body is never sent: an answer that came only after the whole claimed body would never come.
  it('answers 413 at once to a function call that declares more than 1 MiB', async () => {
    const answer = await rawRequest(host.url, wire('/api/functions/resident', { 'Content-Type': 'application/json', 'Content-Length': MAX_BODY_BYTES + 1, 'X-Openid': OWNER }));
    expect(answer.status).toBe(413);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
  });

  it('answers 413 at once to an upload that declares more than 10 MiB and its framing', async () => {
    const answer = await rawRequest(
      host.url,
      wire('/api/files', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES + 1, 'X-Openid': OWNER }),
    );
    expect(answer.status).toBe(413);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { fields: { file: expect.any(String) } } });
  });

  it('answers 413 to a chunked upload once it passes 10 MiB and its framing, whatever parts it holds', async () => {
    const socket = await open(host.url);
    const answer = readAnswer(socket);
    socket.write(wire('/api/files', { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked', 'X-Openid': OWNER }));
    // A preamble busboy skips: it still counts.
    const piece = 'p'.repeat(1024 * 1024);
    for (let i = 0; i < 11; i++) socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
    const { status } = await answer;
    socket.destroy();
    expect(status).toBe(413);
    await healthy();
  });

  it('refuses a body too large before inviting it with 100 Continue, and answers another expectation with 417', async () => {
    // The first answer read is the refusal itself, not a 100 Continue.
    const big = await rawRequest(host.url, wire('/api/functions/resident', { 'Content-Length': MAX_BODY_BYTES + 1, Expect: '100-continue', 'X-Openid': OWNER }));
    expect(big.status).toBe(413);
    expect(resultOf(big)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const odd = await rawRequest(host.url, wire('/api/health', { Expect: 'something-else' }, '', 'GET'));
    expect(odd.status).toBe(417);
    expect(resultOf(odd)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers 413 as soon as a chunked body passes 1 MiB, before it ends', async () => {
    const socket = await open(host.url);
    const answer = readAnswer(socket);
    socket.write(wire('/api/functions/resident', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'X-Openid': OWNER }));
    const piece = 'x'.repeat(64 * 1024);
    // 1.06 MiB in chunks, and never the last chunk.
    for (let i = 0; i < 17; i++) socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
    const { status } = await answer;
    socket.destroy();
    expect(status).toBe(413);
    await healthy();
  });
});

describe('the development clock', () => {
  const setClock = (now: unknown) => fetch(`${host.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) });

  it.each(['+275760-09-13T00:00:00.000Z', '1999-12-31T23:59:59+08:00', '2200-01-01T00:00:00+08:00', '-000001-01-01T00:00:00Z', 'tomorrow', 12345])(
    'refuses %s as INVALID_INPUT on now',
    async (now) => {
      const res = await setClock(now);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { now: expect.any(String) } } });
    },
  );

  it('accepts the first and the last years of its range, and the host goes on answering', async () => {
    for (const now of ['2000-01-01T00:00:00+08:00', '2199-12-31T23:59:59+08:00']) {
      expect((await setClock(now)).status).toBe(200);
      const overview = await fetch(`${host.url}/api/functions/resident`, { method: 'POST', headers: { 'X-Openid': OWNER }, body: JSON.stringify({ action: 'overview' }) });
      expect(await overview.json()).toMatchObject({ ok: true });
    }
    await setClock('2026-09-01T10:00:00+08:00');
  });
});

describe('files', () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = (await upload(PNG_BYTES)).body.data.fileId;
  });

  it.each([
    ['an HTML page named as a PNG', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['a PNG signature cut short', PNG_BYTES.subarray(0, 6), 'image/png'],
    ['an empty file', Buffer.alloc(0), 'image/png'],
  ])('refuses %s, whatever its type claims', async (_label, bytes, type) => {
    const { status, body } = await upload(bytes, OWNER, type);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } });
  });

  it.each(['..%2Fstore.sqlite', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2flink-secret', 'person-key-secret', 'f-aaaaaaaaaaaaaaaaaaaa%00', '.%2Ffiles', '%252e%252e%252fstore.sqlite'])(
    'never serves %s, even to a file owner',
    async (target) => {
      const answer = await rawRequest(host.url, wire(`/api/files/${target}`, { 'X-Openid': OWNER }, '', 'GET'));
      expect(answer.status).toBe(404);
      expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    },
  );

  it('answers 404 for a file whose bytes are gone from the disk, without saying where it looked', async () => {
    const lost = (await upload(PNG_BYTES)).body.data.fileId as string;
    unlinkSync(join(dir, 'files', lost));
    const answer = await rawRequest(host.url, wire(`/api/files/${lost}`, { 'X-Openid': OWNER }, '', 'GET'));
    expect(answer.status).toBe(404);
    expect(resultOf(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(answer.body.includes(dir)).toBe(false);
  });

  it('refuses tampered and expired links and serves the true one', async () => {
    const now = Date.parse('2026-09-01T10:00:00+08:00');
    await fetch(`${host.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now: new Date(now).toISOString() }) });
    // Links signed with the host's own secret (it lives in DATA_DIR), made here to tamper with.
    const linkStore = openSqliteStore(':memory:');
    const files = localFiles(dir, linkStore);
    afterTest.push(() => linkStore.close());
    const link = (await files.linksFor([fileId], now + 5_000))[fileId];
    const [path, query] = link.split('?');
    const params = new URLSearchParams(query);
    const signature = params.get('signature') as string;
    const flip = (text: string) => text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
    const forms = [
      `${path}?expires=${Number(params.get('expires')) + 1}&signature=${signature}`,
      `${path}?expires=${params.get('expires')}&signature=${flip(signature)}`,
      `${path}?expires=${params.get('expires')}&signature=`,
      `${path}?expires=abc&signature=${signature}`,
      `/api/files/${flip(fileId)}?expires=${params.get('expires')}&signature=${signature}`,
    ];
    for (const form of forms) expect([form, (await fetch(`${host.url}${form}`)).status]).toEqual([form, 404]);
    expect((await fetch(`${host.url}${link}`)).status).toBe(200);
    const expired = (await files.linksFor([fileId], now - 11 * 60_000))[fileId];
    expect((await fetch(`${host.url}${expired}`)).status).toBe(404);
  });
});

describe('slow, cut-off and many requests', () => {
  it('serves others while a client trickles its headers, and is not held by clients that leave mid-body', async () => {
    const slow = await open(host.url);
    slow.write(`POST /api/functions/resident HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    const cutFunction = await open(host.url);
    cutFunction.write(wire('/api/functions/resident', { 'Content-Type': 'application/json', 'Content-Length': 5000, 'X-Openid': OWNER }, '{"action":"overview",'));
    const { body, contentType } = multipart(PNG_BYTES);
    const cutUpload = await open(host.url);
    cutUpload.write(wire('/api/files', { 'Content-Type': contentType, 'Content-Length': body.length, 'X-Openid': OWNER }, body.subarray(0, 80)));
    for (let i = 0; i < 10; i++) {
      slow.write('X-Slow: 1\r\n');
      await healthy();
    }
    cutFunction.destroy();
    cutUpload.destroy();
    slow.destroy();
    await healthy();
  });

  it('answers a slow client that never finishes its headers with 408 and a result object', async () => {
    const store = openSqliteStore(':memory:');
    const quickDir = mkdtempSync(join(tmpdir(), 'edges-quick-'));
    const server: Server = createHost({
      store,
      files: localFiles(quickDir, store),
      verifier: developmentVerifier(),
      clock: devClock(),
      settings: { cardFee: 20 },
      personKey: personKeyer('0'.repeat(64)),
      timeouts: { headersMs: 300, requestMs: 600 },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const socket = await open(url);
      const answer = readAnswer(socket);
      socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
      const { status, body } = await answer;
      expect(status).toBe(408);
      expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      // Headers in time, the body never finished: answered through the request's own response.
      const slowBody = await open(url);
      const bodyAnswer = readAnswer(slowBody);
      slowBody.write('POST /api/functions/resident HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Openid: slow\r\n\r\n{"action"');
      const late = await bodyAnswer;
      slowBody.destroy();
      expect(late.status).toBe(408);
      expect(JSON.parse(late.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      store.close();
      rmSync(quickDir, { recursive: true, force: true });
    }
  });

  it('answers three hundred requests at once, each with a result object', async () => {
    const kinds = [
      () => fetch(`${host.url}/api/health`),
      () =>
        fetch(`${host.url}/api/functions/resident`, { method: 'POST', headers: { 'X-Openid': `many-${Math.random().toString(36).slice(2, 8)}` }, body: '{"action":"overview"}' }),
      () => fetch(`${host.url}/api/functions/resident`, { method: 'POST', headers: { 'X-Openid': OWNER }, body: '{"action":' }),
      () => fetch(`${host.url}/api/functions/nothing`, { method: 'POST', headers: { 'X-Openid': OWNER }, body: '{}' }),
      () => fetch(`${host.url}/api/files/f-nothing`, { headers: { 'X-Openid': OWNER } }),
      () => {
        const form = new FormData();
        form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), 'p.png');
        return fetch(`${host.url}/api/files`, { method: 'POST', headers: { 'X-Openid': OWNER }, body: form });
      },
    ];
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => kinds[i % kinds.length]()));
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ ok?: unknown }>));
    expect(bodies.every((b) => typeof b.ok === 'boolean')).toBe(true);
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    expect(bodies.filter((_, i) => i % kinds.length === 1).every((b) => b.ok === true)).toBe(true);
    await healthy();
  });
});
