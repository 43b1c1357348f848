// `npm test`: type-checks, then runs every jest suite twice — under TZ=UTC and TZ=Asia/Shanghai —
// because every date must come out the same in any process time zone. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'test-run-'));

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

let failedSteps = 0;
for (const project of ['tsconfig.json', 'tsconfig.server.json', 'tests/pages/tsconfig.json', 'preview/tsconfig.json', 'tests/e2e/tsconfig.json']) {
  console.log(`\n> tsc -p ${project}`);
  if (run(bin('tsc'), ['-p', project]) !== 0) failedSteps++;
}

let passed = 0;
let failed = 0;
for (const tz of ['UTC', 'Asia/Shanghai']) {
  console.log(`\n> jest (TZ=${tz})`);
  const report = join(scratch, `${tz.replace('/', '-')}.json`);
  const status = run(bin('jest'), ['--json', `--outputFile=${report}`, ...extra], { TZ: tz });
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  } catch {
    failed++;
  }
  if (status !== 0) failedSteps++;
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps === 0 && failed === 0 && passed > 0 ? 0 : 1);
