// `npm run bench`: bundles the benchmarks with esbuild and runs them (printed as tables, with ratios
// against a baseline measured in the same run).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.build', 'bench.cjs');
await build({
  entryPoints: [join(root, 'bench/backend.bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'busboy'],
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile);
