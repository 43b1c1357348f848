// jest globalSetup for page tests (runs once, outside the test environments):
// 1. build miniprogram/miniprogram_npm when missing or older than package-lock.json, so a fresh
//    clone only needs `npm install` before `npx jest -c jest.pages.config.js`;
// 2. link it into the fixture root (wcc only reads files under the root it compiles).
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packNpm } from '../../../scripts/pack-npm.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const npmDir = join(projectRoot, 'miniprogram', 'miniprogram_npm');
const fixturesRoot = join(projectRoot, 'tests', 'pages', 'fixtures');

export default async function globalSetup() {
  await packNpm({ log: (line) => process.stdout.write(`\n${line}\n`) });

  const link = join(fixturesRoot, 'miniprogram_npm');
  const target = relative(fixturesRoot, npmDir);
  let current;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : undefined;
  } catch {
    current = null; // missing
  }
  if (current !== target) {
    if (current !== null) rmSync(link, { recursive: true, force: true });
    mkdirSync(fixturesRoot, { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  if (!existsSync(join(link, '@vant', 'weapp'))) throw new Error(`page tests: ${link} has no @vant/weapp`);
}
