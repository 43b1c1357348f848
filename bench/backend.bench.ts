// `npm run bench`: how fast the backend answers on the embedded store, as a table with each case's
// ratio to a baseline measured in the same run (one raw keyed insert through the store).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDigit } from '../miniprogram/domain/idNumber';
import { DECLARATION_NOTICE, NOTICES } from '../miniprogram/domain/notices';
import { runFunction } from '../server/functions';
import { personKeyer, randomId, randomSecret } from '../server/ids';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../server/local/secrets';
import { DEFAULT_CARD_FEE } from '../server/settings';
import type { FunctionName } from '../miniprogram/domain/contract';
import type { Context } from '../server/context';
import { localFiles } from '../server/local/fileStorage';
import { openSqliteStore } from '../server/store/sqlite';
import { developmentVerifier } from '../server/verification/development';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077533800000c4944415478da63f8cfc000000301010018dd8db40000000049454e44ae426082', 'hex');
const RUNS = 2000;

/** Valid ID numbers, generated so each declaration is a different person. */
function idNumber(i: number): string {
  const month = String(1 + (Math.floor(i / 40) % 12)).padStart(2, '0');
  const first17 = `430104${1960 + (i % 40)}${month}01${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

async function time(runs: number, body: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await body(i);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const store = openSqliteStore(dir);
  const files = localFiles(dir, store);
  const verifier = developmentVerifier();
  const personKey = personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE));
  let now = Date.parse('2026-09-01T10:00:00+08:00');
  const ctx = (openid: string): Context => ({ openid, now, store, verifier, files, settings: { cardFee: DEFAULT_CARD_FEE }, personKey, newId: randomId, newSecret: randomSecret });
  const invoke = async (fn: FunctionName, openid: string, action: string, payload?: unknown, requestId?: string) => {
    const result = await runFunction(fn, ctx(openid), { action, payload, requestId });
    if (!result.ok) throw new Error(`${action}: ${JSON.stringify(result.error)}`);
    return result.data as Record<string, any>;
  };
  const call = (openid: string, action: string, payload?: unknown, requestId?: string) => invoke('resident', openid, action, payload, requestId);
  const declarationPayload = async (openid: string, id: string) => {
    const { verifyId } = await call(openid, 'startVerification', { name: '测试', idNumber: id });
    const { verificationToken } = await call(openid, 'finishVerification', { verifyId });
    const fileId = await files.save(openid, PNG, 'image/png', now);
    return {
      verificationToken,
      consent: { noticeVersion: DECLARATION_NOTICE.version },
      applicant: { name: '测试', idNumber: id, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道12号' },
      residence: { district: '430104', street: '望月湖街道', address: '望月湖小区3栋201', since: '2026-05-01', kind: 'rent', basis: 'residence' },
      materials: { idFront: fileId, proofs: [fileId] },
    };
  };

  const rows: { name: string; ms: number; runs: number }[] = [];
  const baselineMs = await time(RUNS, (i) => store.commit([{ op: 'create', collection: 'locks', id: `bench-${i}`, doc: { i } }]));
  rows.push({ name: 'baseline: one keyed insert (durable: synchronous = FULL)', ms: baselineMs, runs: RUNS });
  // What durability costs: the same insert when a commit is not synced to disk before it is answered.
  const loose = openSqliteStore(join(dir, 'not-durable'), { synchronous: 'NORMAL' });
  rows.push({
    name: 'the same insert, synchronous = NORMAL (a power cut may lose it)',
    ms: await time(RUNS, (i) => loose.commit([{ op: 'create', collection: 'locks', id: `bench-${i}`, doc: { i } }])),
    runs: RUNS,
  });
  loose.close();

  // Setup for declarations: a token and files per person (not timed).
  const prepared: { openid: string; payload: unknown }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const openid = `bench-${i % 100}`;
    prepared.push({ openid, payload: await declarationPayload(openid, idNumber(i)) });
  }
  rows.push({
    name: 'submitDeclaration (checked, 6 writes)',
    ms: await time(RUNS, (i) => {
      now += 100;
      return call(prepared[i].openid, 'submitDeclaration', prepared[i].payload, `r-${i}`);
    }),
    runs: RUNS,
  });
  rows.push({ name: 'the same request again (idempotent)', ms: await time(RUNS, (i) => call(prepared[i].openid, 'submitDeclaration', {}, `r-${i}`)), runs: RUNS });
  rows.push({ name: 'overview (20 applications)', ms: await time(RUNS, (i) => call(`bench-${i % 100}`, 'overview')), runs: RUNS });
  rows.push({ name: 'listApplications (page of 20)', ms: await time(RUNS, (i) => call(`bench-${i % 100}`, 'listApplications')), runs: RUNS });

  // The later services: one more person per run, declared (not timed), approved by an officer, then six
  // months on each applies for the permit with a fresh face check and uploads (not timed).
  const officer = 'bench-officer';
  await store.commit([{ op: 'create', collection: 'staff', id: officer, doc: { districts: 'all' } }]);
  const declarations: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const openid = `later-${i}`;
    declarations.push((await call(openid, 'submitDeclaration', await declarationPayload(openid, idNumber(RUNS + i)), `d-${i}`)).id);
  }
  rows.push({ name: 'staff approve (declaration)', ms: await time(RUNS, (i) => invoke('staff', officer, 'approve', { id: declarations[i] }, `a-${i}`)), runs: RUNS });
  now += 200 * 24 * 3600 * 1000;
  const permits: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const openid = `later-${i}`;
    const { verifyId } = await call(openid, 'startVerification', {});
    const { verificationToken } = await call(openid, 'finishVerification', { verifyId });
    const photo = await files.save(openid, PNG, 'image/png', now);
    permits.push({ verificationToken, consent: { noticeVersion: NOTICES.permit.version }, materials: { idFront: photo, proofs: [photo], photo } });
  }
  rows.push({ name: 'applyPermit (eligibility from history)', ms: await time(RUNS, (i) => call(`later-${i}`, 'applyPermit', permits[i], `p-${i}`)), runs: RUNS });

  const memory = process.memoryUsage();
  store.close();
  rmSync(dir, { recursive: true, force: true });

  const perOp = (r: (typeof rows)[number]) => r.ms / r.runs;
  const base = perOp(rows[0]);
  console.log(`\nbackend on SQLite (${RUNS} runs each, Node ${process.version})\n`);
  console.log('| case | µs per call | calls/s | × baseline |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${(perOp(r) * 1000).toFixed(0)} | ${Math.round(r.runs / (r.ms / 1000))} | ${(perOp(r) / base).toFixed(1)} |`);
  }
  console.log(`\nresident set ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB after the run`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
