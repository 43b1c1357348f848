// The local host's notification routes over HTTP: the outbox, the scheduler on demand, the scheduler kept
// from callers, and the daily run at 09:00 of the host's clock (on start and when the clock is set).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personKeyer } from '../../server/ids';
import { devClock, type DevClock } from '../../server/local/clock';
import { localFiles } from '../../server/local/fileStorage';
import { createHost } from '../../server/local/host';
import { dayOwed, LAST_RUN_ID } from '../../server/local/schedule';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite';
import { developmentVerifier } from '../../server/verification/development';
import { ALICE } from '../support/declarations';
import { hostClient, type HostClient } from '../support/hostClient';

const OFFICER = 'officer-yuelu';

interface Running {
  url: string;
  store: SqliteStore;
  clock: DevClock;
  client: HostClient;
  close(): Promise<void>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function startHost(startIso: string, dir = mkdtempSync(join(tmpdir(), 'scheduler-host-'))): Promise<Running> {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = openSqliteStore(dir);
  const clock = devClock(Date.parse(startIso));
  const server = createHost({
    store,
    files: localFiles(dir, store),
    verifier: developmentVerifier(),
    clock,
    settings: { cardFee: 20 },
    personKey: personKeyer('0'.repeat(64)),
    schedule: true,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    clock,
    client: hostClient(url),
    close: () => server.shutdown(),
  };
}

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The scheduler's record of its last run, after the host's own runs have settled. */
async function lastRunDay(host: Running): Promise<string | undefined> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return (await host.store.get<{ lastRunDay: string }>('meta', LAST_RUN_ID))?.lastRunDay;
}

describe('dayOwed', () => {
  it.each([
    ['2027-03-01T08:59:59+08:00', undefined, null],
    ['2027-03-01T09:00:00+08:00', undefined, '2027-03-01'],
    ['2027-03-01T23:59:00+08:00', '2027-02-27', '2027-03-01'],
    ['2027-03-01T10:00:00+08:00', '2027-03-01', null],
    // 01:00 UTC is 09:00 in China: the host's clock is read in China time, whatever the process's zone.
    ['2027-03-01T01:00:00Z', undefined, '2027-03-01'],
    ['2027-03-01T00:59:00Z', '2027-02-28', null],
  ])('at %s after a run on %s: %s', (iso, last, owed) => {
    expect(dayOwed(Date.parse(iso), last)).toBe(owed);
  });
});

describe('the routes', () => {
  let host: Running;
  beforeAll(async () => {
    host = await startHost('2026-09-01T08:00:00+08:00');
    await post(host.url, '/api/dev/staff', { openid: OFFICER, districts: ['430104'] });
  });
  afterAll(() => host.close());

  it('lists every notification newest first in the outbox, with its delivery status', async () => {
    expect(await (await fetch(`${host.url}/api/dev/outbox`)).json()).toEqual({ ok: true, data: { items: [] } });
    const submitted = await host.client.call('resident', ALICE.openid, 'submitDeclaration', await host.client.declarationPayload(ALICE), 'h1');
    const id = submitted.body.data.id as string;
    await host.client.call('resident', ALICE.openid, 'recordSubscriptions', { results: { correction_requested: 'accept' } });
    await host.client.call('staff', OFFICER, 'requestCorrection', { id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, 'h2');
    await host.client.call('resident', ALICE.openid, 'resubmit', { id, applicant: { mobile: '13900139000' } }, 'h3');
    host.clock.set(host.clock.now() + 60_000);
    await host.client.call('staff', OFFICER, 'approve', { id }, 'h4');
    const res = await fetch(`${host.url}/api/dev/outbox`);
    expect(res.status).toBe(200);
    const { items } = ((await res.json()) as { data: { items: Record<string, unknown>[] } }).data;
    expect(items.map((n) => [n.event, n.status])).toEqual([
      ['review_approved', 'not_subscribed'],
      ['correction_requested', 'sent'],
    ]);
    expect(Object.keys(items[0]).sort()).toEqual(['applicationId', 'createdAt', 'data', 'event', 'id', 'openid', 'page', 'status']);
    expect(items[0]).toMatchObject({
      id: `review_approved:${id}:000004`,
      openid: ALICE.openid,
      applicationId: id,
      page: `pages/application/index?id=${id}`,
      data: { thing1: { value: '居住信息申报' }, phrase2: { value: '审核通过' }, date3: { value: '2026年9月1日' } },
    });
  });

  it('runs the scheduler on POST /api/dev/scheduler, and refuses it to every caller of the function route', async () => {
    const res = await post(host.url, '/api/dev/scheduler', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { created: 0, delivered: 0, failed: 0, pruned: 0 } });
    for (const openid of [ALICE.openid, OFFICER]) {
      const called = await post(host.url, '/api/functions/scheduler', { action: 'run' }, { 'X-Openid': openid });
      expect(called.status).toBe(200);
      expect(await called.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await post(host.url, '/api/functions/scheduler', { action: 'run' })).status).toBe(401);
  });
});

describe('the daily run', () => {
  it('runs on start once that day’s 09:00 has passed, and again only on a later day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scheduler-host-'));
    let host = await startHost('2026-09-01T08:30:00+08:00', dir);
    expect(await lastRunDay(host)).toBeUndefined();
    // Setting the clock past 09:00 runs that day's run straight away.
    await post(host.url, '/api/dev/clock', { now: '2026-09-01T09:30:00+08:00' });
    expect(await lastRunDay(host)).toBe('2026-09-01');
    const recorded = await host.store.get('meta', LAST_RUN_ID);
    // The same day again, on a restart: no second run.
    await host.close();
    host = await startHost('2026-09-01T18:00:00+08:00', dir);
    expect(await lastRunDay(host)).toBe('2026-09-01');
    expect((await host.store.get('meta', LAST_RUN_ID))?._version).toBe(recorded?._version);
    // A jump of weeks runs once, for the day it lands on; the days skipped are not replayed.
    await post(host.url, '/api/dev/clock', { now: '2026-09-30T10:00:00+08:00' });
    expect(await lastRunDay(host)).toBe('2026-09-30');
    expect((await host.store.get('meta', LAST_RUN_ID))?._version).toBe((recorded?._version ?? 0) + 1);
    // Before 09:00 of a new day, nothing is owed yet.
    await post(host.url, '/api/dev/clock', { now: '2026-10-01T08:00:00+08:00' });
    expect(await lastRunDay(host)).toBe('2026-09-30');
    await host.close();
  });

  it('creates the day’s notifications when it runs by itself', async () => {
    const host = await startHost('2026-09-01T10:00:00+08:00');
    await post(host.url, '/api/dev/staff', { openid: OFFICER, districts: ['430104'] });
    await host.client.call('resident', ALICE.openid, 'submitDeclaration', await host.client.declarationPayload(ALICE), 'd1');
    await post(host.url, '/api/dev/clock', { now: '2026-09-17T09:01:00+08:00' });
    await lastRunDay(host);
    const { items } = ((await (await fetch(`${host.url}/api/dev/outbox`)).json()) as { data: { items: { id: string }[] } }).data;
    expect(items.map((n) => n.id)).toEqual([`staff_overdue:${OFFICER}:2026-09-17`]);
    await host.close();
  });
});
