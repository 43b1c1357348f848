// The local host's bundle is rebuilt only when a file it was built from changed: a start with nothing
// changed skips esbuild, and a changed, missing or unlisted input builds it again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'host-bundle-'));
  bundle = join(dir, 'host.cjs');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the project's own buildHost in a fresh Node process, as `npm run serve` does. */
function buildHost(): void {
  const script = `import(${JSON.stringify(join(root, 'scripts/build-host.mjs'))}).then((m) => m.buildHost(${JSON.stringify(bundle)}))`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'pipe' });
}

const builtAt = () => statSync(bundle).mtimeMs;
const inputsFile = () => `${bundle}.inputs.json`;

it('builds once, lists what it was built from, and skips the build while nothing changed', () => {
  buildHost();
  const inputs = JSON.parse(readFileSync(inputsFile(), 'utf8')) as string[];
  expect(inputs).toContain('server/local/main.ts');
  expect(inputs).toContain('miniprogram/domain/dates.ts');
  const before = builtAt();
  buildHost();
  expect(builtAt()).toBe(before);
});

it('builds again when an input is newer than the bundle, or is gone, or the list is missing', () => {
  const input = join(dir, 'changed.ts');
  // Written after the bundle was built, so it is newer than the bundle.
  writeFileSync(input, '// an input changed after the build\n');
  const listWith = (files: string[]) => writeFileSync(inputsFile(), JSON.stringify(files));

  listWith(['server/local/main.ts', relative(root, input)]);
  let before = builtAt();
  buildHost();
  expect(builtAt()).toBeGreaterThan(before);

  listWith(['server/local/main.ts', 'server/no-such-file.ts']);
  before = builtAt();
  buildHost();
  expect(builtAt()).toBeGreaterThan(before);

  rmSync(inputsFile());
  before = builtAt();
  buildHost();
  expect(builtAt()).toBeGreaterThan(before);
});
