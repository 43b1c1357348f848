// The mini-program's packages as WeChat's offline compiler leaves them (.build/wechat.zip), by package root,
// beside WeChat's 2 MB limit for each package and the size of all of Vant as npm installs it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageSizes, subpackageRoots, zipEntries, type PackageSize } from '../scripts/package-sizes.mjs';

export { PACKAGE_LIMIT_BYTES } from '../scripts/package-sizes.mjs';
export type { PackageSize } from '../scripts/package-sizes.mjs';

export interface Packages {
  packages: PackageSize[];
  /** Vant's files in the compiled main package. */
  vantCompiledBytes: number;
  /** All of miniprogram/miniprogram_npm/@vant, as packNpm builds it. */
  vantBytes: number;
  compileMs: number;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

export function measurePackages(root: string): Packages {
  const started = performance.now();
  // Its own process: miniprogram-ci leaves a compiler process attached, which exiting ends.
  const compiled = spawnSync(process.execPath, [join(root, 'scripts/compile.mjs')], { cwd: root, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`npm run compile failed: ${compiled.stderr || compiled.stdout}`);
  const compileMs = performance.now() - started;
  const entries = zipEntries(readFileSync(join(root, '.build/wechat.zip')));
  const packages = packageSizes(entries, subpackageRoots(root));
  const vantCompiledBytes = entries.filter(({ name }) => name.startsWith('miniprogram_npm/@vant/')).reduce((sum, { size }) => sum + size, 0);
  return { packages, vantCompiledBytes, vantBytes: folderBytes(join(root, 'miniprogram/miniprogram_npm/@vant')), compileMs };
}
