// Personal data over a whole journey on the local host: every response and every log line is kept,
// and the full ID number appears in none but the officer's review (staff getApplication); the
// photos are readable by their owner and the staff of the application's district, and nobody else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTICES } from '../../miniprogram/domain/notices';
import { start, type Started } from '../../server/local/main';
import { ALICE, BOB } from '../support/declarations';
import { hostClient } from '../support/hostClient';

let host: Started;
let dir: string;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'personal-'));
  for (const stream of ['log', 'warn', 'error', 'info'] as const) {
    jest.spyOn(console, stream).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T10:00:00+08:00' });
});
afterAll(async () => {
  await host.stop();
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

it('shows the full ID number only on the staff review, and logs it nowhere', async () => {
  const client = hostClient(host.url);
  const responses: { what: string; text: string }[] = [];
  let serial = 0;
  const call = async (fn: 'resident' | 'staff', openid: string, action: string, payload?: unknown) => {
    const answer = await client.call(fn, openid, action, payload, `journey-${++serial}`);
    responses.push({ what: `${fn}.${action}`, text: JSON.stringify(answer.body) });
    return answer.body;
  };
  const setClock = (now: string) => fetch(`${host.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) });
  await fetch(`${host.url}/api/dev/staff`, { method: 'POST', body: JSON.stringify({ openid: 'officer', districts: ['430104'] }) });

  // The declaration, its correction round and its approval.
  const started = await call('resident', ALICE.openid, 'startVerification', { name: ALICE.name, idNumber: ALICE.idNumber });
  const finished = await call('resident', ALICE.openid, 'finishVerification', { verifyId: started.data.verifyId });
  const payload = await client.declarationPayload(ALICE);
  const declared = await call('resident', ALICE.openid, 'submitDeclaration', { ...payload, verificationToken: finished.data.verificationToken });
  const id = declared.data.id as string;
  await call('resident', ALICE.openid, 'submitDeclaration', payload);
  await call('resident', ALICE.openid, 'overview');
  await call('resident', ALICE.openid, 'listApplications');
  await call('resident', ALICE.openid, 'getApplication', { id });
  await call('staff', 'officer', 'queue');
  await call('staff', 'officer', 'queue', { query: ALICE.idNumber.slice(-4) });
  const review = await call('staff', 'officer', 'getApplication', { id });
  await call('staff', 'officer', 'requestCorrection', { id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] });
  await call('resident', ALICE.openid, 'resubmit', { id, applicant: { mobile: '13900139000' } });
  await call('staff', 'officer', 'approve', { id });
  await call('staff', 'officer', 'stats');

  // Six months on: the permit, through pickup.
  await setClock('2027-03-01T10:00:00+08:00');
  const again = await call('resident', ALICE.openid, 'startVerification', {});
  const token = (await call('resident', ALICE.openid, 'finishVerification', { verifyId: again.data.verifyId })).data.verificationToken;
  const materials = { idFront: await client.upload(ALICE.openid), proofs: [await client.upload(ALICE.openid)], photo: await client.upload(ALICE.openid) };
  const permit = await call('resident', ALICE.openid, 'applyPermit', { verificationToken: token, consent: { noticeVersion: NOTICES.permit.version }, materials });
  expect(permit.ok).toBe(true);
  await call('staff', 'officer', 'approve', { id: permit.data.id });
  await call('staff', 'officer', 'markReady', { id: permit.data.id });
  await call('resident', ALICE.openid, 'getApplication', { id: permit.data.id });
  await call('staff', 'officer', 'markCollected', { id: permit.data.id, idCardChecked: true });
  await call('resident', ALICE.openid, 'overview');
  await call('resident', ALICE.openid, 'listApplications');

  expect(review.data.applicant.idNumber).toBe(ALICE.idNumber);
  const carrying = responses.filter((r) => r.text.includes(ALICE.idNumber)).map((r) => r.what);
  expect(carrying).toEqual(['staff.getApplication']);
  // The masked form is what everyone else sees.
  expect(responses.find((r) => r.what === 'resident.getApplication')?.text).toContain('430104********1237');
  expect(logged.length).toBeGreaterThan(responses.length);
  expect(logged.filter((line) => line.includes(ALICE.idNumber) || line.includes(ALICE.idNumber.slice(6, 14)))).toEqual([]);
});

it('lets the owner and the staff of the district read the photos, and nobody else', async () => {
  const client = hostClient(host.url);
  const person = BOB;
  const grant = (openid: string, districts: string[]) => fetch(`${host.url}/api/dev/staff`, { method: 'POST', body: JSON.stringify({ openid, districts }) });
  await grant('officer-yuelu', ['430104']);
  await grant('officer-furong', ['430102']);
  const payload = await client.declarationPayload(person);
  const submitted = await client.call('resident', person.openid, 'submitDeclaration', payload, 'photos-1');
  expect(submitted.body.ok).toBe(true);
  const fileId = payload.materials.idFront;
  const read = async (openid?: string) => (await fetch(`${host.url}/api/files/${fileId}`, { headers: openid ? { 'X-Openid': openid } : {} })).status;
  expect(await read(person.openid)).toBe(200);
  expect(await read('officer-yuelu')).toBe(200);
  expect(await read('officer-furong')).toBe(404);
  expect(await read(ALICE.openid)).toBe(404);
  expect(await read()).toBe(401);
});
