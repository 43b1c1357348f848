// The mini-program compiles with WeChat's own toolchain (miniprogram-ci, offline): every page and
// component of app.json with its script, template, style and config, and Vant from miniprogram_npm.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

it('compiles every page, component and npm package for WeChat', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/compile.mjs'), '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  const files = new Set<string>(JSON.parse(lines[lines.length - 1]));
  const has = (path: string) => files.has(path) || files.has(`./${path}`);

  const app = JSON.parse(readFileSync(join(root, 'miniprogram/app.json'), 'utf8')) as { pages: string[] };
  const components = new Set<string>();
  for (const page of app.pages) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(has(`${page}.${ext}`)).toBe(true);
    const json = JSON.parse(readFileSync(join(root, 'miniprogram', `${page}.json`), 'utf8')) as { usingComponents: Record<string, string> };
    Object.values(json.usingComponents).forEach((c) => components.add(c));
  }
  for (const component of components) {
    const path = component.startsWith('/') ? component.slice(1) : `miniprogram_npm/${component}`;
    expect([path, has(`${path}.js`) && has(`${path}.wxml`)]).toEqual([path, true]);
  }
  expect(has('app.js')).toBe(true);
  // TypeScript is compiled, never shipped.
  expect([...files].filter((f) => f.endsWith('.ts'))).toEqual([]);
});
