// The mini-program compiles with WeChat's own toolchain (miniprogram-ci, offline): every page of app.json
// and of its subpackages, each component they use (and the components those use) with its script,
// template, style and config, and Vant from miniprogram_npm.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = join(__dirname, '..', '..');

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  subPackages?: { root: string; pages: string[] }[];
}

/** Every page route: the main package's, then each subpackage's as root/page. */
function pageRoutes(app: AppJson): string[] {
  const packages = [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
  return [...app.pages, ...packages.flatMap((pkg) => pkg.pages.map((page) => posix.join(pkg.root, page)))];
}

/** Where a usingComponents entry of `from` lives, relative to the mini-program root. */
function componentPath(from: string, using: string): string {
  if (using.startsWith('/')) return using.slice(1);
  if (using.startsWith('.')) return posix.join(posix.dirname(from), using);
  return `miniprogram_npm/${using}`;
}

it('compiles every page, component and npm package for WeChat', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/compile.mjs'), '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  const files = new Set<string>(JSON.parse(lines[lines.length - 1]));
  const has = (path: string) => files.has(path) || files.has(`./${path}`);

  const app = JSON.parse(readFileSync(join(root, 'miniprogram/app.json'), 'utf8')) as AppJson;
  const routes = pageRoutes(app);
  expect(routes).toEqual(expect.arrayContaining(['staff/pages/queue/index', 'staff/pages/review/index']));
  const components = new Set<string>();
  // Our own components are followed into their own usingComponents; npm packages are checked as built.
  const collect = (from: string) => {
    const json = JSON.parse(readFileSync(join(root, 'miniprogram', `${from}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    for (const using of Object.values(json.usingComponents ?? {})) {
      const path = componentPath(from, using);
      if (components.has(path)) continue;
      components.add(path);
      if (!path.startsWith('miniprogram_npm/')) collect(path);
    }
  };
  for (const page of routes) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect([page, ext, has(`${page}.${ext}`)]).toEqual([page, ext, true]);
    collect(page);
  }
  expect([...components]).toEqual(expect.arrayContaining(['staff/components/correction-form/index', 'miniprogram_npm/@vant/weapp/checkbox/index']));
  for (const path of components) {
    expect([path, has(`${path}.js`) && has(`${path}.wxml`)]).toEqual([path, true]);
  }
  expect(has('app.js')).toBe(true);
  // TypeScript is compiled, never shipped.
  expect([...files].filter((f) => f.endsWith('.ts'))).toEqual([]);
});
