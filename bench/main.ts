// `npm run bench`: seeds stores of 10 000 and 100 000 applications (1 000 000 with --million), loads the real
// host on each over HTTP, and prints one report (also written to .build/bench.json).
// Flags: --million, --duration=<seconds per case> (default 5), --sizes=<n,n,...>, --skip=<startup,packages,pages,durability>,
// --keep (leave the seeded stores in the temporary folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CITY_OFFICER, DISTRICT_OFFICER, loadCases, planCases } from './cases';
import { measureDurability } from './durability';
import { startHost } from './host';
import { CONNECTIONS, runLoad } from './load';
import { measurePackages } from './packages';
import { queryPlans } from './plans';
import { NOW } from './population';
import { markdown, type BenchResult, type SizeResult } from './report';
import { prepareDeclarations, seedStore } from './seed';
import { measureSetData } from './setdata';
import { measureStartup } from './startup';

export interface BenchOptions {
  root: string;
  /** The host bundle, built fresh by scripts/bench.mjs. */
  hostBundle: string;
  argv: string[];
}

function parse(argv: string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = value('sizes')
    ?.split(',')
    .map((s) => Number(s.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0) ?? [10_000, 100_000, ...(argv.includes('--million') ? [1_000_000] : [])];
  const seconds = Number(value('duration') ?? 5);
  if (!(seconds > 0)) throw new Error('--duration must be a positive number of seconds');
  return { sizes, seconds, skip: new Set((value('skip') ?? '').split(',').filter(Boolean)), keep: argv.includes('--keep') };
}

const log = (line: string) => console.error(line);

async function grant(url: string, staff: { openid: string; districts: string[] | 'all' }): Promise<void> {
  const res = await fetch(`${url}/api/dev/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...staff, name: '测试', badge: 'BENCH' }),
  });
  if (!res.ok) throw new Error(`granting ${staff.openid} failed: ${res.status} ${await res.text()}`);
}

async function benchSize(options: BenchOptions, applications: number, seconds: number, keep: boolean): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${applications}-`));
  try {
    // A first start on the empty folder makes the secrets and runs every start-up migration on nothing, so the
    // seeded store is one the host takes as it is.
    await (await startHost(options.hostBundle, dir, NOW)).stop();
    log(`seeding ${applications.toLocaleString('en-US')} applications in ${dir}`);
    const seed = await seedStore(dir, applications);
    log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s (${seed.writes} writes)`);
    const prepareStarted = performance.now();
    // Enough single-use submissions for the case at a few thousand per second.
    const declarations = await prepareDeclarations(dir, Math.ceil(seconds * 4000) + 50, seed.sample.redeclarers);
    const prepareMs = performance.now() - prepareStarted;

    const host = await startHost(options.hostBundle, dir, NOW);
    let load;
    let rssBytes;
    const cases = loadCases(seed, declarations);
    try {
      await grant(host.url, DISTRICT_OFFICER);
      await grant(host.url, CITY_OFFICER);
      load = await runLoad(host.url, seconds, cases, log);
      rssBytes = host.rssBytes();
    } finally {
      await host.stop();
    }
    const plans = await queryPlans(dir, NOW + 60_000, planCases(cases, declarations));
    // The sample is load material, not a result.
    const { sample: _sample, ...seeded } = seed;
    return { applications, seed: seeded, prepareMs, hostStartMs: host.readyMs, load, rssBytes, plans };
  } finally {
    if (keep) log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function optional<T>(name: string, skip: Set<string>, run: () => Promise<T> | T): Promise<T | { skipped: string }> {
  if (skip.has(name)) return { skipped: '--skip' };
  log(`measuring ${name}`);
  try {
    return await run();
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0] };
  }
}

export async function main(options: BenchOptions): Promise<void> {
  const { sizes, seconds, skip, keep } = parse(options.argv);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const result: BenchResult = { node: process.version, machine, startedAt: new Date().toISOString(), secondsPerCase: seconds, connections: CONNECTIONS, sizes: [] };
  for (const size of sizes) result.sizes.push(await benchSize(options, size, seconds, keep));
  result.startup = await optional('startup', skip, () => measureStartup(options.root));
  result.packages = await optional('packages', skip, () => measurePackages(options.root));
  if (!skip.has('pages')) {
    log('running the page tests for their setData report');
    result.setData = measureSetData(options.root);
  }
  if (!skip.has('durability')) result.durability = await measureDurability();

  const table = markdown(result);
  mkdirSync(join(options.root, '.build'), { recursive: true });
  writeFileSync(join(options.root, '.build', 'bench.json'), `${JSON.stringify({ ...result, table }, null, 2)}\n`);
  console.log(`\n${table}\n\n(also in .build/bench.json)`);
}
