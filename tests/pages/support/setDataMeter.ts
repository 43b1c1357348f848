// Measures what pages send to the view: every setData of the project's own pages and components (Vant's
// are not ours to budget) is counted with its size, and a test names the interaction it measures. Each
// setData crosses from the logic thread to the view in WeChat, so their number and size are what a
// person feels as lag. With SETDATA_REPORT=<file>, the measured rows are merged into that file.
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { flush, MINIPROGRAM_ROOT, waitFor } from '../harness';
import { onComponentCreated } from '../harness/simulate';

/** The budget every interaction must keep: at most this many setData calls, none bigger than this. */
export const SETDATA_BUDGET = { calls: 2, bytes: 8 * 1024 } as const;

export interface SetDataCall {
  /** The page or component that called it, e.g. 'pages/apply' or 'components/material-uploads'. */
  source: string;
  /** Buffer.byteLength(JSON.stringify(data)): what crosses to the view. */
  bytes: number;
  keys: string[];
}

export interface Measurement {
  page: string;
  interaction: string;
  calls: number;
  bytes: number;
  largestBytes: number;
  /** Every call, for a readable failure. */
  detail: SetDataCall[];
}

export type ReportRow = Omit<Measurement, 'detail'>;

interface MeterState {
  calls: SetDataCall[];
  rows: ReportRow[];
}

// On globalThis: the harness announces instances to whichever copy of this module registered first.
const STATE = Symbol.for('pages-harness.setdata-meter');
function state(): MeterState {
  const g = globalThis as typeof globalThis & { [STATE]?: MeterState };
  if (!g[STATE]) {
    const created: MeterState = { calls: [], rows: [] };
    g[STATE] = created;
    onComponentCreated((instance, file) => meter(instance, file));
  }
  return g[STATE]!;
}

/** 'miniprogram/pages/home/index' -> 'pages/home'; undefined for Vant and anything outside the mini-program. */
function sourceOf(file: string): string | undefined {
  const relative = path.relative(MINIPROGRAM_ROOT, file).split(path.sep).join('/');
  if (relative.startsWith('..') || relative.includes('miniprogram_npm/')) return undefined;
  return relative.replace(/\/index$/, '');
}

function meter(instance: WechatMiniprogram.Component.TrivialInstance, file: string): void {
  const source = sourceOf(file);
  if (!source) return;
  const setData = instance.setData;
  instance.setData = function meteredSetData(this: unknown, data: Record<string, unknown>, callback?: () => void) {
    state().calls.push({ source, bytes: Buffer.byteLength(JSON.stringify(data)), keys: Object.keys(data) });
    return setData.call(this, data, callback);
  };
}

/** Waits until no setData has come for `quietMs` (the page has settled), giving up after `timeout` ms. */
async function quiet(quietMs: number, timeout = 3000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = state().calls.length;
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await flush(10);
    if (state().calls.length !== seen) {
      seen = state().calls.length;
      since = Date.now();
    }
  }
}

export interface MeasureOptions {
  /** What the settled page shows: waited for (like waitFor) before the quiet period starts. */
  until?: () => unknown;
  /** How long no setData must come for the interaction to count as over (default 80 ms). */
  quietMs?: number;
}

/**
 * Runs `act` (the person's act, or the page's show) and counts the setData calls it causes until the
 * page has settled. The result is kept for the report and returned for the test's assertions.
 */
export async function measure(page: string, interaction: string, act: () => Promise<unknown>, { until, quietMs = 80 }: MeasureOptions = {}): Promise<Measurement> {
  const start = state().calls.length;
  await act();
  if (until) await waitFor(until);
  await quiet(quietMs);
  const detail = state().calls.slice(start);
  const measurement: Measurement = {
    page,
    interaction,
    calls: detail.length,
    bytes: detail.reduce((sum, c) => sum + c.bytes, 0),
    largestBytes: detail.reduce((max, c) => Math.max(max, c.bytes), 0),
    detail,
  };
  const { detail: _detail, ...row } = measurement;
  const rows = state().rows;
  const same = rows.findIndex((r) => r.page === page && r.interaction === interaction);
  if (same >= 0) rows[same] = row;
  else rows.push(row);
  return measurement;
}

/** The measurement as a test failure shows it: the numbers, then each call's source, size and keys. */
export function describeMeasurement(m: Measurement): string {
  const calls = m.detail.map((c) => `  ${c.source} ${c.bytes} B {${c.keys.join(', ')}}`).join('\n');
  return `${m.page} · ${m.interaction}: ${m.calls} calls, ${m.bytes} B, largest ${m.largestBytes} B\n${calls}`;
}

/** The jest matcher-friendly check of the budget: fails with every call listed. */
export function expectWithinBudget(m: Measurement): void {
  const within = m.calls <= SETDATA_BUDGET.calls && m.largestBytes <= SETDATA_BUDGET.bytes;
  if (!within) throw new Error(`over the setData budget (${SETDATA_BUDGET.calls} calls, ${SETDATA_BUDGET.bytes} B each)\n${describeMeasurement(m)}`);
}

// ---------------------------------------------------------------- the report

const LOCK_WAIT = new Int32Array(new SharedArrayBuffer(4));

/** Several jest workers finish files at once: the read-merge-write of the report is done under a lock directory. */
function withLock(file: string, work: () => void): void {
  const lock = `${file}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a killed run is taken over rather than waited on forever.
      if (Date.now() > deadline) break;
      Atomics.wait(LOCK_WAIT, 0, 0, 20);
    }
  }
  try {
    work();
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // already gone (taken over)
    }
  }
}

function readRows(file: string): ReportRow[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { rows?: unknown };
    return Array.isArray(parsed.rows) ? (parsed.rows as ReportRow[]) : [];
  } catch {
    return [];
  }
}

/** Merges this file's rows into the report at `file`: a row replaces the one of the same page and interaction. */
export function writeSetDataReport(file: string, rows: readonly ReportRow[] = state().rows): void {
  if (rows.length === 0) return;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  withLock(file, () => {
    const merged = readRows(file).filter((old) => !rows.some((r) => r.page === old.page && r.interaction === old.interaction));
    merged.push(...rows);
    merged.sort((a, b) => a.page.localeCompare(b.page) || a.interaction.localeCompare(b.interaction));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ rows: merged }, null, 2)}\n`);
    renameSync(temporary, file);
  });
}

// Instances are wrapped from the first page a test file loads once this module is imported.
state();

afterAll(() => {
  const file = process.env.SETDATA_REPORT;
  if (file) writeSetDataReport(file);
});
