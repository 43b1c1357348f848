// The run's results as markdown: one table with a column per store size (size-independent rows fill the
// first), then the page tests' setData table and the small durability table.
import type { DurabilityRow } from './durability';
import type { CaseResult, Measured } from './load';
import { PACKAGE_LIMIT_BYTES, type Packages } from './packages';
import type { PlannedQuery } from './plans';
import type { SeedResult } from './seed';
import type { SetDataReport } from './setdata';
import type { Startup } from './startup';

export interface SizeResult {
  applications: number;
  seed: Omit<SeedResult, 'sample'>;
  /** Milliseconds to prepare the submissions' tokens and files (not part of seeding). */
  prepareMs: number;
  /** The host started on the seeded store (durable again) until its first /api/health answer. */
  hostStartMs: number;
  load: CaseResult[];
  rssBytes: number | null;
  plans: PlannedQuery[];
}

export interface BenchResult {
  node: string;
  /** The CPUs and memory the run had: the figures mean little without them. */
  machine: string;
  startedAt: string;
  secondsPerCase: number;
  connections: number;
  sizes: SizeResult[];
  startup?: Startup | { skipped: string };
  packages?: Packages | { skipped: string };
  setData?: SetDataReport;
  durability?: DurabilityRow[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : n >= 10 ? `${n.toFixed(0)} ms` : `${n.toFixed(2)} ms`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ratio = (n: number) => `×${n >= 10 ? n.toFixed(0) : n.toFixed(2)}`;
const cell = (text: string) => text.replace(/\|/g, '\\|');
const latency = (m: Measured) => `p50 ${m.p50.toFixed(2)} / p95 ${m.p95.toFixed(2)} / p99 ${m.p99.toFixed(2)} ms`;
const problems = (m: Measured) => {
  const bad = m.errors + m.non2xx + m.notOk;
  return bad > 0 ? ` — ${int(bad)} failed` : '';
};

function shareOf(counts: Record<string, number>, total: number): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${((100 * n) / total).toFixed(1)}%`)
    .join(', ');
}

export function markdown(result: BenchResult): string {
  const sizes = result.sizes;
  const rows: string[][] = [];
  const perSize = (section: string, measure: string, value: (s: SizeResult) => string) => rows.push([section, measure, ...sizes.map(value)]);
  const once = (section: string, measure: string, value: string) => rows.push([section, measure, value, ...sizes.slice(1).map(() => '')]);

  perSize('seed', 'time (batched commits, synchronous OFF while seeding)', (s) => `${ms(s.seed.ms)} (${int(s.seed.writes)} writes, ${int(s.seed.writes / (s.seed.ms / 1000))}/s)`);
  perSize('seed', 'residents (applications per resident)', (s) => `${int(s.seed.residents)} (${(s.seed.applications / s.seed.residents).toFixed(2)})`);
  perSize('seed', 'statuses', (s) => shareOf(s.seed.statuses, s.seed.applications));
  perSize('seed', 'kinds', (s) => shareOf(s.seed.kinds, s.seed.applications));
  perSize('seed', 'file size per application (all collections)', (s) => `${int(s.seed.fileBytes / s.seed.applications)} B (${mib(s.seed.fileBytes)} file)`);
  perSize('seed', 'JSON of one application with its events', (s) => `${int(s.seed.documentBytes)} B`);
  perSize('host', 'start on the seeded store → first /api/health', (s) => ms(s.hostStartMs));
  const caseNames = sizes[0]?.load.map((c) => c.name) ?? [];
  perSize('load', `floor: GET /api/health (${result.connections} connections, ${result.secondsPerCase} s, before each case)`, (s) => {
    const floors = s.load.map((c) => c.floor);
    return `${int(Math.min(...floors.map((f) => f.rps)))}–${int(Math.max(...floors.map((f) => f.rps)))} req/s, p99 ${Math.min(...floors.map((f) => f.p99)).toFixed(2)}–${Math.max(...floors.map((f) => f.p99)).toFixed(2)} ms`;
  });
  for (const name of caseNames) {
    perSize('load', name, (s) => {
      const c = s.load.find((x) => x.name === name);
      if (!c) return '—';
      const m = c.measured;
      return `${int(m.rps)} req/s (${ratio(c.rpsRatio)} floor) · ${latency(m)} (p99 ${ratio(c.p99Ratio)} floor)${problems(m)}`;
    });
  }
  perSize('host', 'resident set (VmRSS) after the load', (s) => (s.rssBytes === null ? 'n/a' : mib(s.rssBytes)));
  const planKeys = [...new Set(sizes.flatMap((s) => s.plans.map(planKey)))];
  for (const key of planKeys) {
    const first = sizes.flatMap((s) => s.plans).find((p) => planKey(p) === key)!;
    perSize('plan', `${first.cases.join(', ')}: ${key}`, (s) => {
      const p = s.plans.find((x) => planKey(x) === key);
      return p ? `${p.plan.join('; ')} · ${ms(p.ms)}` : '—';
    });
  }
  if (result.startup) {
    if ('skipped' in result.startup) once('start-up', 'npm run serve, npm start', `skipped: ${result.startup.skipped}`);
    else {
      once('start-up', '`npm run serve` → first /api/health (bundle fresh)', ms(result.startup.serveMs));
      once('start-up', '`npm start` → first preview page (builds the preview)', ms(result.startup.startMs));
    }
  }
  if (result.packages) {
    if ('skipped' in result.packages) once('package', 'compiled packages', `skipped: ${result.packages.skipped}`);
    else {
      const p = result.packages;
      for (const pkg of p.packages) {
        once(
          'package',
          pkg.root ? `subpackage ${pkg.root}/ (WeChat limit 2 MB)` : 'main package (WeChat limit 2 MB)',
          `${kib(pkg.bytes)} (${((100 * pkg.bytes) / PACKAGE_LIMIT_BYTES).toFixed(0)}% of the limit, ${pkg.files} files)`,
        );
      }
      once('package', 'Vant in the main package / all of @vant as installed', `${kib(p.vantCompiledBytes)} / ${kib(p.vantBytes)}`);
    }
  }

  const header = ['section', 'measure', ...sizes.map((s) => `${int(s.applications)} applications`)];
  const align = ['---', '---', ...sizes.map(() => '---')];
  const lines = [
    `backend on the local host (${result.machine}, Node ${result.node}, ${result.startedAt})`,
    '',
    `| ${header.join(' | ')} |`,
    `|${align.join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];

  if (result.setData) {
    lines.push('');
    if ('skipped' in result.setData) lines.push(`setData per interaction: skipped — ${result.setData.skipped}`);
    else {
      lines.push('| page | interaction | setData calls | bytes | largest call |', '|---|---|---:|---:|---:|');
      for (const r of result.setData.rows) lines.push(`| ${cell(r.page)} | ${cell(r.interaction)} | ${r.calls} | ${int(r.bytes)} | ${int(r.largestBytes)} |`);
    }
  }
  if (result.durability) {
    lines.push('', '| one keyed insert per commit | µs per commit | commits/s | × FULL |', '|---|---:|---:|---:|');
    const full = result.durability.find((r) => r.synchronous === 'FULL')!;
    for (const r of result.durability) {
      const what = r.synchronous === 'FULL' ? 'synchronous FULL (the host: survives a power cut)' : 'synchronous NORMAL (a power cut may lose it)';
      lines.push(`| ${what} | ${int(r.usPerCommit)} | ${int(r.commitsPerSecond)} | ${(r.usPerCommit / full.usPerCommit).toFixed(2)} |`);
    }
  }
  return lines.join('\n');
}

function planKey(p: PlannedQuery): string {
  return `${p.collection} where ${p.where.join(', ') || '—'} by ${p.orderBy}`;
}
