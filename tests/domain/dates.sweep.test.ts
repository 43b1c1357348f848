// The domain's date functions give one answer whatever the process time zone, across ten years of
// instants: each is computed under several zones in one Node process and checked against an
// independent calendar (the China date of an instant is the UTC date of the instant plus 8 hours).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { MONTHS_BEFORE_PERMIT, REVIEW_DAYS } from '../../miniprogram/domain/rules';

const SEED = 20260301;
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
const FROM = Date.UTC(2025, 0, 1) - 8 * 3600_000;
const TO = Date.UTC(2036, 0, 1) - 8 * 3600_000 - 1;
const DAY = 86_400_000;
const ROOT = resolve(__dirname, '../..');
const TZ_AT_START = process.env.TZ;

// ---- The oracle: plain integer arithmetic on days, sharing nothing with the code under test.

/** Year, month, day of a count of days since 1970-01-01 (the civil-from-days algorithm). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = ([y, m, d]: [number, number, number]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

const oracle = {
  chinaDays: (instant: number) => Math.floor((instant + 8 * 3600_000) / DAY),
  chinaDate: (instant: number) => ymd(civil(oracle.chinaDays(instant))),
  chinaDateTime: (instant: number) => {
    const minutes = Math.floor(((((instant + 8 * 3600_000) % DAY) + DAY) % DAY) / 60_000);
    return `${oracle.chinaDate(instant)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  },
  addMonths: (date: string, months: number) => {
    const [y, m, d] = date.split('-').map(Number);
    const index = y * 12 + (m - 1) + months;
    const ty = Math.floor(index / 12);
    const tm = (index % 12) + 1;
    return ymd([ty, tm, Math.min(d, monthLength(ty, tm))]);
  },
};

/**
 * Runs the domain's date functions on `cases` in one Node process that assigns TZ to each zone in turn
 * (Node re-reads it on assignment). It is a child process because jest gives a test its own copy of
 * process.env, whose TZ the runtime never sees. The domain is bundled from source with esbuild.
 */
function underEachZone(cases: { instant: number; other: number; months: number; shift: number }[]): ZoneAnswers[] {
  const bundle = buildSync({
    stdin: { contents: "export * from './miniprogram/domain/dates'; export * from './miniprogram/domain/rules';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  }).outputFiles[0].text;
  const dir = mkdtempSync(join(tmpdir(), 'dates-sweep-'));
  try {
    writeFileSync(join(dir, 'domain.js'), bundle);
    writeFileSync(
      join(dir, 'driver.js'),
      `const d = require('./domain.js');
const { cases, zones } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = zones.map((zone) => {
  process.env.TZ = zone;
  return {
    zone,
    hoursAtNoonUtc: new Date(Date.UTC(2026, 0, 1, 12)).getHours(),
    answers: cases.map(({ instant, other, months, shift }) => {
      const declaredOn = d.declaredOnFor(instant);
      const from = d.chinaDate(instant);
      const to = d.chinaDate(other);
      return {
        chinaDate: from,
        chinaDateTime: d.chinaDateTime(instant),
        declaredOn,
        dueOn: d.dueOnFor(instant),
        opensOn: d.permitOpensOnFor(declaredOn),
        shifted: d.addMonths(declaredOn, months),
        added: d.addDays(from, shift),
        between: d.daysBetween(from, to),
        until: d.daysUntil(from, to),
        overdue: d.isOverdue('pending', d.dueOnFor(instant), to),
      };
    }),
  };
});
process.stdout.write(JSON.stringify(out));`,
    );
    // The child starts in yet another zone, so none of the three is where it began.
    const output = execFileSync(process.execPath, [join(dir, 'driver.js')], {
      input: JSON.stringify({ cases, zones: ZONES }),
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(output.toString('utf8')) as ZoneAnswers[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Answer {
  chinaDate: string;
  chinaDateTime: string;
  declaredOn: string;
  dueOn: string;
  opensOn: string;
  shifted: string;
  added: string;
  between: number;
  until: number;
  overdue: boolean;
}

interface ZoneAnswers {
  zone: string;
  hoursAtNoonUtc: number;
  answers: Answer[];
}

function expected({ instant, other, months, shift }: { instant: number; other: number; months: number; shift: number }): Answer {
  const declaredOn = oracle.chinaDate(instant);
  const gap = oracle.chinaDays(other) - oracle.chinaDays(instant);
  const dueOn = ymd(civil(oracle.chinaDays(instant) + REVIEW_DAYS));
  return {
    chinaDate: declaredOn,
    chinaDateTime: oracle.chinaDateTime(instant),
    declaredOn,
    dueOn,
    opensOn: oracle.addMonths(declaredOn, MONTHS_BEFORE_PERMIT),
    shifted: oracle.addMonths(declaredOn, months),
    added: ymd(civil(oracle.chinaDays(instant) + shift)),
    between: gap,
    until: Math.max(0, gap),
    overdue: oracle.chinaDate(other) > dueOn,
  };
}

const instants = fc.integer({ min: FROM, max: TO });
/** Instants near a China midnight, where a zone leaking in would show first. */
const nearMidnight = fc
  .tuple(fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }), fc.integer({ min: -120_000, max: 120_000 }))
  .map(([day, offset]) => Math.min(TO, Math.max(FROM, FROM + day * DAY + offset)));
const anyInstant = fc.oneof(instants, nearMidnight);

const cases = fc.sample(fc.record({ instant: anyInstant, other: anyInstant, months: fc.integer({ min: -24, max: 24 }), shift: fc.integer({ min: -4000, max: 4000 }) }), {
  seed: SEED,
  numRuns: 20_000,
});
/** Every China midnight of the ten years, a minute either side. */
const midnights: number[] = [];
for (let day = oracle.chinaDays(FROM) + 1; day <= oracle.chinaDays(TO); day++) {
  const midnight = day * DAY - 8 * 3600_000;
  midnights.push(midnight - 60_000, midnight, midnight + 60_000);
}
const all = [...cases, ...midnights.map((instant, i) => ({ instant, other: midnights[(i * 7919) % midnights.length], months: 6, shift: 15 }))];
let results: ZoneAnswers[];

beforeAll(() => {
  results = underEachZone(all);
}, 60_000);

it('really ran each zone: the same instant reads as a different hour in each', () => {
  expect(results.map((r) => [r.zone, r.hoursAtNoonUtc])).toEqual([
    ['UTC', 12],
    ['Asia/Shanghai', 20],
    ['America/Los_Angeles', 4],
  ]);
});

it('sweeps ten years, 2025 to 2035, every China midnight included', () => {
  expect(midnights.length / 3).toBeGreaterThan(3650);
  expect(oracle.chinaDate(Math.min(...all.map((c) => c.instant)))).toBe('2025-01-01');
  expect(oracle.chinaDate(Math.max(...all.map((c) => c.instant)))).toBe('2035-12-31');
});

it.each(ZONES)('gives under %s what the independent calendar gives, for every function and instant', (zone) => {
  const { answers } = results.find((r) => r.zone === zone) as ZoneAnswers;
  const wrong = all.flatMap((c, i) => {
    const want = expected(c);
    return JSON.stringify(answers[i]) === JSON.stringify(want) ? [] : [{ case: c, got: answers[i], want }];
  });
  expect(wrong.slice(0, 3)).toEqual([]);
});

it('answers the same in every zone', () => {
  const [first, ...rest] = results.map((r) => JSON.stringify(r.answers));
  for (const other of rest) expect(other === first).toBe(true);
});

it('leaves TZ of this process as it was', () => {
  expect(process.env.TZ).toBe(TZ_AT_START);
});
