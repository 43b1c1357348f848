// The mini-program's packages as WeChat's offline compiler leaves them (.build/wechat.zip), by package root,
// beside WeChat's 2 MB limit for each package and the size of all of Vant as npm installs it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** WeChat refuses a main package or a subpackage over 2 MB. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

export interface PackageSize {
  /** '' for the main package, else the subpackage's root. */
  root: string;
  files: number;
  bytes: number;
}

export interface Packages {
  packages: PackageSize[];
  /** Vant's files in the compiled main package. */
  vantCompiledBytes: number;
  /** All of miniprogram/miniprogram_npm/@vant, as packNpm builds it. */
  vantBytes: number;
  compileMs: number;
}

/** The entries of a zip's central directory: enough to size each file, nothing is inflated. */
function zipEntries(zip: Buffer): { name: string; size: number }[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.endsWith('/')) entries.push({ name, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
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
  const app = JSON.parse(readFileSync(join(root, 'miniprogram/app.json'), 'utf8')) as { subpackages?: { root: string }[]; subPackages?: { root: string }[] };
  const roots = (app.subpackages ?? app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = new Map<string, PackageSize>([['', { root: '', files: 0, bytes: 0 }], ...roots.map((r): [string, PackageSize] => [r, { root: r, files: 0, bytes: 0 }])]);
  let vantCompiledBytes = 0;
  for (const { name, size } of zipEntries(readFileSync(join(root, '.build/wechat.zip')))) {
    const owner = sizes.get(roots.find((r) => name.startsWith(`${r}/`)) ?? '')!;
    owner.files++;
    owner.bytes += size;
    if (name.startsWith('miniprogram_npm/@vant/')) vantCompiledBytes += size;
  }
  return { packages: [...sizes.values()], vantCompiledBytes, vantBytes: folderBytes(join(root, 'miniprogram/miniprogram_npm/@vant')), compileMs };
}
