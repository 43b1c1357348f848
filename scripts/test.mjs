// `npm test`: type-checks, lints, and runs every jest suite; what depends on the time zone (domain,
// server and page tests) under TZ=UTC and TZ=Asia/Shanghai, the WeChat compile and the Chromium
// journeys once. Parts run side by side (one per core, the browser journeys beside them), each timed;
// ends with a table of the parts and the one summary line `N passed, M failed`.
//
//   npm test                      everything
//   npm test -- -t 'withdraws'    extra arguments go to every jest run
//   TEST_JOBS=1 npm test          one part at a time (besides the browser journeys)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import prepareFixtures from '../tests/pages/harness/global-setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'test-run-'));
const logDir = join(root, '.build', 'test-logs');
const jobs = Math.max(1, Number(process.env.TEST_JOBS) || availableParallelism());
const ZONES = ['UTC', 'Asia/Shanghai'];

/**
 * A part: one command, timed. `lock` names a resource two parts must not use at once: server tests
 * start `npm run serve`, which writes the one host bundle (.build/local-host.cjs). A `waits` part
 * spends most of its time waiting (the Chromium journeys: about a third of one core, measured), so it
 * runs beside the `jobs` busy ones instead of taking a core from them.
 * @typedef {{ name: string, command: string, args: string[], env?: Record<string, string>, report?: string, lock?: string, waits?: boolean }} Part
 */

/** @type {Part[]} */
const checks = [
  ...['tsconfig.json', 'tsconfig.server.json', 'tests/models/tsconfig.json', 'tests/pages/tsconfig.json', 'preview/tsconfig.json', 'tests/e2e/tsconfig.json'].map((project) => ({
    name: `tsc -p ${project}`,
    command: bin('tsc'),
    args: ['-p', project],
  })),
  { name: 'lint: eslint', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'lint: prettier --check', command: bin('prettier'), args: ['--check', '--no-color', '--log-level=warn', '.'] },
];

/** @returns {Part} */
function jestPart(project, tz) {
  const report = join(scratch, `${project}-${tz.replace('/', '-')}.json`);
  return {
    name: `jest ${project} TZ=${tz}`,
    command: bin('jest'),
    // One worker per run: the runs themselves go side by side.
    // The extra arguments first: --selectProjects takes every word after it.
    args: [...extra, ...(extra.length ? ['--passWithNoTests'] : []), '--maxWorkers=1', '--json', `--outputFile=${report}`, '--selectProjects', project],
    env: { TZ: tz },
    report,
    ...(project === 'server' ? { lock: 'host-bundle' } : {}),
    ...(project === 'e2e' ? { waits: true } : {}),
  };
}

// The longest first, so the rest fills the other lanes around it.
/** @type {Part[]} */
const parts = [jestPart('e2e', 'UTC'), ...ZONES.flatMap((tz) => [jestPart('pages', tz), jestPart('server', tz)]), jestPart('build', 'UTC'), ...checks];

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const safeName = (name) => name.replace(/[^a-zA-Z0-9.-]+/g, '_');

/** Runs a part with its output kept (printed when it fails, and in .build/test-logs/). */
function runPart(part) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...part.env } });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      writeFileSync(join(logDir, `${safeName(part.name)}.log`), output);
      resolve({ part, status: code ?? 1, ms: Date.now() - started, output, ...counts(part, code) });
    });
  });
}

/** A jest run's own counts; a run that left no report (it crashed, or its setup failed) counts as one failure. */
function counts(part, code) {
  if (!part.report) return code === 0 ? { passed: 0, failed: 0 } : { passed: 0, failed: 1 };
  try {
    const summary = JSON.parse(readFileSync(part.report, 'utf8'));
    const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    // A run that failed with every test passing (a leak, a coverage threshold) still fails once.
    return { passed: summary.numPassedTests, failed: failed === 0 && code !== 0 ? 1 : failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

/** Runs `jobs` busy parts at a time (and the waiting ones beside them), never two holding the same lock at once, printing each as it ends. */
async function runAll(queue) {
  const results = [];
  const held = new Set();
  const running = new Set();
  let busy = 0;
  const pending = [...queue];
  return new Promise((resolve) => {
    const next = () => {
      for (;;) {
        const index = pending.findIndex((part) => (part.waits || busy < jobs) && (!part.lock || !held.has(part.lock)));
        if (index < 0) break;
        const [part] = pending.splice(index, 1);
        if (part.lock) held.add(part.lock);
        if (!part.waits) busy++;
        const run = runPart(part).then((result) => {
          running.delete(run);
          if (!part.waits) busy--;
          if (part.lock) held.delete(part.lock);
          results.push(result);
          report(result);
          next();
        });
        running.add(run);
      }
      if (!running.size && !pending.length) resolve(results);
    };
    next();
  });
}

function report({ part, status, ms, output, passed, failed }) {
  const tally = part.report ? `, ${passed} passed, ${failed} failed` : '';
  const ok = status === 0 && failed === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${part.name} (${seconds(ms)}${tally})`);
  if (!ok) console.log(`\n${output.trimEnd()}\n\n(${relative(root, join(logDir, `${safeName(part.name)}.log`))})\n`);
}

const started = Date.now();
mkdirSync(logDir, { recursive: true });
console.log(`> npm test: ${parts.length} parts, ${jobs} at a time (and the browser journeys beside them)`);
// miniprogram_npm and the page fixtures' link to it, once: jest runs side by side must not both rebuild them.
const prepared = Date.now();
let prepareFailed = false;
try {
  await prepareFixtures();
} catch (error) {
  prepareFailed = true;
  console.log(`FAIL prepare: ${error?.stack ?? error}`);
}
console.log(`${prepareFailed ? 'FAIL' : 'ok  '} prepare: miniprogram_npm and page fixtures (${seconds(Date.now() - prepared)})`);
const results = prepareFailed ? [] : await runAll(parts);
rmSync(scratch, { recursive: true, force: true });

const order = new Map(parts.map((part, index) => [part, index]));
results.sort((a, b) => order.get(a.part) - order.get(b.part));
const width = Math.max(...results.map((r) => r.part.name.length), 4);
console.log(`\n${'part'.padEnd(width)}  ${'time'.padStart(7)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}`);
for (const { part, ms, passed, failed, status } of results) {
  const columns = part.report ? `${String(passed).padStart(6)}  ${String(failed).padStart(6)}` : `${''.padStart(6)}  ${(status === 0 ? '' : 'FAIL').padStart(6)}`;
  console.log(`${part.name.padEnd(width)}  ${seconds(ms).padStart(7)}  ${columns}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0) + (prepareFailed ? 1 : 0);
const busy = results.reduce((sum, r) => sum + r.ms, 0);
console.log(`\ntotal ${seconds(Date.now() - started)} (the parts add up to ${seconds(busy)}); logs in ${relative(root, logDir)}/`);
// Alone on the last line: what CI reads. A failed type-check or lint counts as one failure each.
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 && results.every((r) => r.status === 0) ? 0 : 1);
