// Many requests at the same moment over real HTTP: one stored result per request id, one pending
// application per person, and exactly one winner of decisions that race, with an event log to match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { start, type Started } from '../../server/local/main';
import { openSqliteStore } from '../../server/store/sqlite';
import type { CollectionName } from '../../server/store/types';
import { ALICE, BOB } from '../support/declarations';
import { hostClient, type HostClient } from '../support/hostClient';

const PARALLEL = 50;
let host: Started;
let dir: string;
let client: HostClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallel-'));
  host = await start({ PORT: '0', DATA_DIR: dir, APP_NOW: '2026-09-01T10:00:00+08:00' }, true);
  client = hostClient(host.url);
  await fetch(`${host.url}/api/dev/staff`, { method: 'POST', body: JSON.stringify({ openid: 'officer', districts: ['430104'] }) });
  await fetch(`${host.url}/api/dev/staff`, { method: 'POST', body: JSON.stringify({ openid: 'officer-2', districts: ['430104'] }) });
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every document of a collection matching `where`, read from the store file itself (by key: no index serves an arbitrary filter). */
async function stored(collection: CollectionName, where: Record<string, string | number>): Promise<Record<string, any>[]> {
  const store = openSqliteStore(dir);
  try {
    const all = await store.find<Record<string, unknown>>(collection, { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
    return all.filter((doc) => Object.entries(where).every(([field, value]) => doc[field] === value));
  } finally {
    store.close();
  }
}

it(`stores one application for ${PARALLEL} copies of the same submission sent at once`, async () => {
  const payload = await client.declarationPayload(ALICE);
  const answers = await Promise.all(Array.from({ length: PARALLEL }, () => client.call('resident', ALICE.openid, 'submitDeclaration', payload, 'same-request')));
  expect(answers.every((a) => a.body.ok)).toBe(true);
  const ids = new Set(answers.map((a) => a.body.data.id));
  expect(ids.size).toBe(1);
  const [id] = ids;
  expect(await stored('applications', { ownerOpenid: ALICE.openid })).toHaveLength(1);
  expect(await stored('events', { applicationId: id as string })).toHaveLength(1);
});

it(`leaves one pending declaration when ${PARALLEL} callers declare the same ID number at once`, async () => {
  const people = Array.from({ length: PARALLEL }, (_, i) => ({ ...BOB, openid: `claimant-${i}` }));
  const payloads = await Promise.all(people.map((p) => client.declarationPayload(p)));
  const answers = await Promise.all(people.map((p, i) => client.call('resident', p.openid, 'submitDeclaration', payloads[i], `claim-${i}`)));
  const winners = answers.filter((a) => a.body.ok);
  expect(winners).toHaveLength(1);
  expect(new Set(answers.filter((a) => !a.body.ok).map((a) => a.body.error?.code))).toEqual(new Set(['CONFLICT']));
  const pending = (await stored('applications', { kind: 'declaration', status: 'pending' })).filter((a) => a.applicant.idNumber === BOB.idNumber);
  expect(pending.map((a) => a._id)).toEqual([winners[0].body.data.id]);
  expect((await stored('locks', {})).filter((l) => l.applicationId === winners[0].body.data.id)).toHaveLength(1);
});

it('gives one winner among racing staff decisions and the owner withdrawing, with an event log to match', async () => {
  const person = { openid: 'raced', name: '赵敏', idNumber: `43010419880505123${checkDigit('43010419880505123')}` };
  const submitted = await client.call('resident', person.openid, 'submitDeclaration', await client.declarationPayload(person), 'raced-1');
  const id = submitted.body.data.id as string;
  const attempts = [
    ...Array.from({ length: 10 }, (_, i) => () => client.call('staff', i % 2 ? 'officer' : 'officer-2', 'approve', { id }, `approve-${i}`)),
    ...Array.from({ length: 10 }, (_, i) => () => client.call('staff', 'officer', 'reject', { id, reasons: ['材料不符'] }, `reject-${i}`)),
    ...Array.from(
      { length: 10 },
      (_, i) => () => client.call('staff', 'officer-2', 'requestCorrection', { id, items: [{ item: 'applicant.mobile', message: '无法接通' }] }, `ask-${i}`),
    ),
    ...Array.from({ length: 10 }, (_, i) => () => client.call('resident', person.openid, 'withdraw', { id }, `withdraw-${i}`)),
  ];
  const answers = await Promise.all(attempts.map((attempt) => attempt()));
  const winners = answers.filter((a) => a.body.ok);
  expect(winners).toHaveLength(1);
  expect(answers.filter((a) => !a.body.ok).every((a) => a.body.error?.code === 'CONFLICT')).toBe(true);

  const [app] = await stored('applications', { ownerOpenid: person.openid });
  expect(app.status).toBe(winners[0].body.data.status);
  const events = (await stored('events', { applicationId: id })).sort((a, b) => a.seq - b.seq);
  // One step from pending to the winner's status: no lost or doubled step, versions in order.
  expect(events.map((e) => [e.seq, e.from, e.to])).toEqual([
    [1, null, 'pending'],
    [2, 'pending', app.status],
  ]);
  expect(app._version).toBe(2);
});
