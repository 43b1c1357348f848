// `npm run bench`: bundles the benchmark (bench/main.ts) with esbuild, builds the host bundle it loads in a
// second process, and runs it. Arguments after `--` go to the benchmark (see bench/main.ts).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHost } from './build-host.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.build', 'bench.cjs');
await build({
  entryPoints: [join(root, 'bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'busboy', 'autocannon'],
  logLevel: 'warning',
});
const hostBundle = await buildHost();
try {
  await createRequire(import.meta.url)(outfile).main({ root, hostBundle, argv: process.argv.slice(2) });
} catch (error) {
  console.error(error);
  process.exit(1);
}
