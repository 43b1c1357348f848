// `npm run build`: everything a release ships, built offline — miniprogram_npm, the cloud functions' bundles, and the mini-program compiled by WeChat's compiler — with each package's size beside WeChat's limit.
import { relative } from 'node:path';
import { buildFunctions } from './build-functions.mjs';
import { compileForWeChat, compiledZip } from './compile.mjs';
import { packNpm } from './pack-npm.mjs';
import { measureCompiled } from './package-sizes.mjs';
import { quietly, root } from './wechat-ci.mjs';

// --zip=<path> writes the compiled package elsewhere than .build/wechat.zip (a test beside others that compile).
const zip = process.argv.find((a) => a.startsWith('--zip='))?.slice('--zip='.length) || compiledZip;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${bytes / 1024 / 1024} MB`;

try {
  const started = Date.now();
  await packNpm();
  const functions = await buildFunctions();
  // miniprogram-ci logs as it compiles, and asks WeChat for a list that has a built-in default offline: kept aside.
  await quietly(() => compileForWeChat(zip));
  const { packages, total } = measureCompiled(root, zip);
  const rows = [
    ...packages.map((p) => [p.root === '' ? 'main package' : `subpackage ${p.root}/`, kib(p.bytes), mib(p.limit), p.within ? 'ok' : 'OVER']),
    ['all packages', kib(total.bytes), mib(total.limit), total.within ? 'ok' : 'OVER'],
    // WeChat's cloud takes far larger functions than these; their size is shown, not limited.
    ...functions.map((f) => [`function ${f.name}`, kib(f.bytes), '-', '']),
  ];
  const header = ['', 'size', 'limit', ''];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const format = (r) =>
    r
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  for (const r of rows) console.log(format(r));
  const over = [...packages, total].filter((p) => !p.within).length;
  console.log(`build: ${relative(root, zip)} and cloudfunctions/*/index.js in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (over > 0) {
    process.stderr.write(`build: ${over === 1 ? 'a package is' : `${over} packages are`} over WeChat's limit (OVER above): WeChat refuses the upload\n`);
    process.exit(1);
  }
} catch (error) {
  process.stderr.write(`build: ${error?.message ?? error}\n`);
  process.exit(1);
}
// miniprogram-ci leaves its forked compiler process attached; exiting ends it too.
process.exit(0);
