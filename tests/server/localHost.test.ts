// The local host over real HTTP on a free port, with a real SQLite data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationDetail, ApplicationView, Page } from '../../miniprogram/domain/contract';
import { DECLARATION_NOTICE } from '../../miniprogram/domain/notices';
import { residentActions } from '../../server/handlers/resident';
import { staffActions } from '../../server/handlers/staff';
import { start, type Started } from '../../server/local/main';
import { JPEG_HEAD, PNG_BYTES } from '../support/images';
import { ALICE, BOB } from '../support/declarations';

let host: Started;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T00:30:00+08:00', CARD_FEE: '12.5' }, true);
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: unknown, openid?: string): Promise<Response> {
  return fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function call<T = any>(openid: string, data: unknown): Promise<{ status: number; body: T }> {
  const res = await post('/api/functions/resident', data, openid);
  return { status: res.status, body: (await res.json()) as T };
}

async function upload(openid: string | undefined, bytes: Buffer, type = 'image/png'): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), 'photo.png');
  const res = await fetch(`${host.url}/api/files`, { method: 'POST', body: form, headers: openid ? { 'X-Openid': openid } : {} });
  return { status: res.status, body: await res.json() };
}

async function setClock(iso: string): Promise<void> {
  await post('/api/dev/clock', { now: iso });
}

describe('the function route', () => {
  it('answers health', async () => {
    const res = await fetch(`${host.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('walks a declaration from verification to the list', async () => {
    await setClock('2026-09-01T00:30:00+08:00');
    const started = await call(ALICE.openid, { action: 'startVerification', payload: { name: ALICE.name, idNumber: ALICE.idNumber } });
    const finished = await call(ALICE.openid, { action: 'finishVerification', payload: { verifyId: started.body.data.verifyId, devOutcome: 'pass' } });
    const idFront = (await upload(ALICE.openid, PNG_BYTES)).body.data.fileId;
    const proof = (await upload(ALICE.openid, Buffer.concat([JPEG_HEAD, Buffer.alloc(100)]), 'image/jpeg')).body.data.fileId;
    const submitted = await call<{ ok: true; data: ApplicationView }>(ALICE.openid, {
      action: 'submitDeclaration',
      requestId: 'curl-1',
      payload: {
        verificationToken: finished.body.data.verificationToken,
        consent: { noticeVersion: DECLARATION_NOTICE.version },
        applicant: { name: ALICE.name, idNumber: ALICE.idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道 12 号' },
        residence: { district: '430111', street: '侯家塘街道', address: '劳动东路 8 号 2 栋 502', since: '2026-06-15', kind: 'own', basis: 'residence' },
        materials: { idFront, proofs: [proof] },
      },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({ declaredOn: '2026-09-01', permitOpensOn: '2027-03-01', status: 'pending' });
    const list = await call<{ ok: true; data: Page<ApplicationView> }>(ALICE.openid, { action: 'listApplications' });
    expect(list.body.data.items.map((a) => a.id)).toEqual([submitted.body.data.id]);

    const detail = await call<{ ok: true; data: ApplicationDetail }>(ALICE.openid, { action: 'getApplication', payload: { id: submitted.body.data.id } });
    const link = (detail.body.data.materials.idFront as { url: string }).url;
    const viaLink = await fetch(`${host.url}${link}`);
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    // Links are short-lived: ten minutes later on the host's clock it no longer works.
    await setClock('2026-09-01T00:41:00+08:00');
    expect((await fetch(`${host.url}${link}`)).status).toBe(404);
  });

  it.each([
    ['a body over 1 MiB', () => post('/api/functions/resident', JSON.stringify({ action: 'overview', pad: 'x'.repeat(1024 * 1024) }), 'u1'), 413, 'INVALID_INPUT'],
    ['a body that is not JSON', () => post('/api/functions/resident', '{"action":', 'u1'), 400, 'INVALID_INPUT'],
    ['a JSON list', () => post('/api/functions/resident', '[1,2]', 'u1'), 400, 'INVALID_INPUT'],
    ['an unknown function', () => post('/api/functions/nothing', { action: 'overview' }, 'u1'), 404, 'NOT_FOUND'],
    ['no identity', () => post('/api/functions/resident', { action: 'overview' }), 401, 'UNAUTHENTICATED'],
    ['a malformed identity', () => post('/api/functions/resident', { action: 'overview' }, 'bad id!'), 401, 'UNAUTHENTICATED'],
    ['an error result', () => post('/api/functions/resident', { action: 'nope' }, 'u1'), 200, 'UNKNOWN_ACTION'],
  ])('answers %s', async (_label, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { fields?: Record<string, string> } };
    expect(body).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    if (code === 'INVALID_INPUT') expect(body.error.fields).toHaveProperty('payload');
  });

  it('checks the size before the identity and the function', async () => {
    const res = await post('/api/functions/nothing', 'x'.repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
  });
});

describe('uploads', () => {
  it('takes images checked by content and serves them to their owner only', async () => {
    const { status, body } = await upload(BOB.openid, PNG_BYTES);
    expect(status).toBe(200);
    expect(body.data.fileId).toMatch(/^f-/);
    const own = await fetch(`${host.url}/api/files/${body.data.fileId}`, { headers: { 'X-Openid': BOB.openid } });
    expect(own.status).toBe(200);
    const other = await fetch(`${host.url}/api/files/${body.data.fileId}`, { headers: { 'X-Openid': ALICE.openid } });
    expect(other.status).toBe(404);
    const anonymous = await fetch(`${host.url}/api/files/${body.data.fileId}`);
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${host.url}/api/files/${body.data.fileId}?expires=99999999999999&signature=abc`);
    expect(forged.status).toBe(404);
  });

  it('refuses a file that is not an image, whatever it claims to be', async () => {
    const { status, body } = await upload(BOB.openid, Buffer.from('%PDF-1.7 not an image'), 'image/png');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } });
  });

  it('refuses more than 10 MiB with 413, and an upload without identity with 401', async () => {
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(BOB.openid, big)).status).toBe(413);
    expect((await upload(undefined, PNG_BYTES)).status).toBe(401);
  });

  it('asks for multipart with a field named file', async () => {
    const res = await fetch(`${host.url}/api/files`, { method: 'POST', headers: { 'X-Openid': BOB.openid, 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(400);
    const form = new FormData();
    form.append('other', new Blob([PNG_BYTES]), 'a.png');
    const missing = await fetch(`${host.url}/api/files`, { method: 'POST', body: form, headers: { 'X-Openid': BOB.openid } });
    expect(await missing.json()).toMatchObject({ ok: false, error: { fields: { file: expect.any(String) } } });
  });
});

describe('the development clock', () => {
  it('is set and read, and runs on from the set instant', async () => {
    const set = await (await post('/api/dev/clock', { now: '2027-03-01T00:00:00+08:00' })).json();
    expect(set).toEqual({ ok: true, data: { now: expect.stringMatching(/^2027-02-28T16:00:0/) } });
    const read = (await (await fetch(`${host.url}/api/dev/clock`)).json()) as { data: { now: string } };
    expect(Date.parse(read.data.now)).toBeGreaterThanOrEqual(Date.parse('2027-02-28T16:00:00Z'));
    const overview = await call(ALICE.openid, { action: 'overview' });
    expect(overview.body.data.today).toBe('2027-03-01');
    // The host was started with CARD_FEE=12.5: the fee a replacement shows.
    expect(overview.body.data.services.reissue.fee).toBe(12.5);
    const bad = await post('/api/dev/clock', { now: 'tomorrow' });
    expect(bad.status).toBe(400);
  });
});

describe('development staff grants', () => {
  it('grants a staff role that the staff function then honours', async () => {
    const before = await post('/api/functions/staff', { action: 'queue' }, 'officer-1');
    expect(await before.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await post('/api/dev/staff', { openid: 'bad id', districts: ['110101'] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { openid: expect.any(String), districts: expect.any(String) } } });
    const granted = await post('/api/dev/staff', { openid: 'officer-1', districts: ['430104'] });
    expect(await granted.json()).toEqual({ ok: true, data: { openid: 'officer-1', districts: ['430104'], supervisor: false } });
    const after = await post('/api/functions/staff', { action: 'queue' }, 'officer-1');
    const queue = (await after.json()) as { ok: boolean; data: { items: { district: string }[] } };
    expect(queue.ok).toBe(true);
    // The one application so far was declared in 雨花区: not this officer's, but the whole city's.
    expect(queue.data.items).toEqual([]);
    expect((await post('/api/dev/staff', { openid: 'officer-1', districts: 'all' })).status).toBe(200);
    const city = (await (await post('/api/functions/staff', { action: 'queue' }, 'officer-1')).json()) as typeof queue;
    expect(city.data.items.map((i) => i.district)).toEqual(['430111']);
    expect((await post('/api/functions/staff', { action: 'queue' })).status).toBe(401);
  });

  it('takes a name, a badge number and the supervisor role, checked as the staff function checks them', async () => {
    const granted = await post('/api/dev/staff', { openid: 'chief-1', districts: ['430104'], name: '周警官', badge: 'CS01234', supervisor: true });
    expect(await granted.json()).toEqual({ ok: true, data: { openid: 'chief-1', districts: ['430104'], name: '周警官', badge: 'CS01234', supervisor: true } });
    const bad = await post('/api/dev/staff', { openid: 'chief-2', districts: ['430104'], name: 'x', badge: '警号 1', supervisor: 'yes' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { fields: { name: expect.any(String), badge: expect.any(String), supervisor: expect.any(String) } } });
  });
});

describe('files for staff', () => {
  it('serves a file to staff of the district of an application that uses it, and to no other staff', async () => {
    await setClock('2026-09-01T10:00:00+08:00');
    const owner = 'file-owner';
    const started = await call(owner, { action: 'startVerification', payload: { name: '王建国', idNumber: BOB.idNumber } });
    const finished = await call(owner, { action: 'finishVerification', payload: { verifyId: started.body.data.verifyId } });
    const fileId = (await upload(owner, PNG_BYTES)).body.data.fileId;
    const submitted = await call(owner, {
      action: 'submitDeclaration',
      requestId: 'files-1',
      payload: {
        verificationToken: finished.body.data.verificationToken,
        consent: { noticeVersion: DECLARATION_NOTICE.version },
        applicant: { name: '王建国', idNumber: BOB.idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道 12 号' },
        residence: { district: '430182', street: '玉潭街道', address: '新康路 1 号', since: '2026-06-15', kind: 'own', basis: 'residence' },
        materials: { idFront: fileId, proofs: [fileId] },
      },
    });
    expect(submitted.body.ok).toBe(true);
    await post('/api/dev/staff', { openid: 'officer-ningxiang', districts: ['430182'] });
    await post('/api/dev/staff', { openid: 'officer-furong', districts: ['430102'] });
    const get = (openid: string) => fetch(`${host.url}/api/files/${fileId}`, { headers: { 'X-Openid': openid } });
    expect((await get('officer-ningxiang')).status).toBe(200);
    expect((await get('officer-furong')).status).toBe(404);
    expect((await get('someone-else')).status).toBe(404);
  });

  it('answers 401 for every action of both functions without an identity', async () => {
    const actions = { resident: Object.keys(residentActions), staff: Object.keys(staffActions) };
    expect(actions.resident).toContain('applyReissue');
    for (const [fn, names] of Object.entries(actions)) {
      for (const action of names) {
        const res = await post(`/api/functions/${fn}`, { action, requestId: 'x', payload: {} });
        expect([fn, action, res.status]).toEqual([fn, action, 401]);
      }
    }
  });
});
