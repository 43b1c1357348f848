// What the pages send through setData per interaction, as the page tests measure it (when they write the report).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface SetDataRow {
  page: string;
  interaction: string;
  calls: number;
  bytes: number;
  largestBytes: number;
}

export type SetDataReport = { rows: SetDataRow[] } | { skipped: string };

const REPORT = '.build/setdata.json';

export function measureSetData(root: string): SetDataReport {
  const file = join(root, REPORT);
  // A report left by an earlier run must not pass for this one's.
  rmSync(file, { force: true });
  const run = spawnSync('npx', ['jest', '-c', 'jest.pages.config.js', '--silent'], { cwd: root, env: { ...process.env, SETDATA_REPORT: REPORT }, encoding: 'utf8' });
  if (!existsSync(file)) return { skipped: `the page tests wrote no ${REPORT} (jest exited ${run.status})` };
  const report = JSON.parse(readFileSync(file, 'utf8')) as { rows?: SetDataRow[] };
  return Array.isArray(report.rows) ? { rows: report.rows } : { skipped: `${REPORT} has no rows` };
}
