// Bundles the local host (server/local/main.ts and everything it imports) into .build/ with esbuild.
// Native and stream-parsing packages stay external and load from node_modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const hostBundle = join(root, '.build', 'local-host.cjs');

/** Builds the bundle (to `outfile`, for a test that must not share it with a concurrent build) and answers its path. */
export async function buildHost(outfile = hostBundle) {
  await build({
    entryPoints: [join(root, 'server/local/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['better-sqlite3', 'busboy'],
    logLevel: 'warning',
  });
  return outfile;
}
