// Measures the mini-program's packages in a zip that WeChat's compiler wrote (.build/wechat.zip), by package root, beside WeChat's size limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// WeChat's limits (developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html): 2 MB for the main package
// and for each subpackage; all together 30 MB, or 20 MB for a mini-program a service provider develops. The
// stricter 20 MB holds for either.
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const TOTAL_LIMIT_BYTES = 20 * 1024 * 1024;

/** The files of a zip, from its central directory: enough to size each file, nothing is inflated. */
export function zipEntries(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
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

/** The subpackages' roots, as miniprogram/app.json declares them. */
export function subpackageRoots(root) {
  const app = JSON.parse(readFileSync(join(root, 'miniprogram/app.json'), 'utf8'));
  return (app.subpackages ?? app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
}

/** Each package's files and bytes ('' is the main package): a file belongs to the subpackage whose root holds it. */
export function packageSizes(entries, roots) {
  const sizes = new Map([['', { root: '', files: 0, bytes: 0 }], ...roots.map((r) => [r, { root: r, files: 0, bytes: 0 }])]);
  for (const { name, size } of entries) {
    const owner = sizes.get(roots.find((r) => name.startsWith(`${r}/`)) ?? '');
    owner.files++;
    owner.bytes += size;
  }
  return [...sizes.values()];
}

/** The packages of a compiled zip, each with its limit and whether it keeps to it, and their total. */
export function measureCompiled(root, zipPath) {
  const entries = zipEntries(readFileSync(zipPath));
  const packages = packageSizes(entries, subpackageRoots(root)).map((p) => ({ ...p, limit: PACKAGE_LIMIT_BYTES, within: p.bytes <= PACKAGE_LIMIT_BYTES }));
  const bytes = packages.reduce((sum, p) => sum + p.bytes, 0);
  return { entries, packages, total: { bytes, limit: TOTAL_LIMIT_BYTES, within: bytes <= TOTAL_LIMIT_BYTES } };
}
