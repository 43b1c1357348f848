// Bundles the local host (server/local/main.ts and everything it imports) into .build/ with esbuild, and
// only when something it was built from changed since. Native and stream-parsing packages stay external
// and load from node_modules.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const hostBundle = join(root, '.build', 'local-host.cjs');
/** This file: a change to how the bundle is built is a change to what it was built from. */
const self = fileURLToPath(import.meta.url);

/** The list of files a bundle was built from, kept beside it. */
export const inputsOf = (outfile) => `${outfile}.inputs.json`;

const mtimeOf = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/** Whether the bundle at `outfile` is newer than every file it was built from (and those all still exist). */
export function isFresh(outfile) {
  const built = mtimeOf(outfile);
  if (built === null) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsOf(outfile), 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs)) return false;
  return [...inputs, self].every((file) => {
    const changed = mtimeOf(resolve(root, file));
    return changed !== null && changed <= built;
  });
}

/**
 * Builds the bundle (to `outfile`, for a test that must not share it with a concurrent build) unless it is
 * fresh, and answers its path. A new file can only join through an import in a file already listed, whose
 * change rebuilds.
 */
export async function buildHost(outfile = hostBundle) {
  if (isFresh(outfile)) return outfile;
  // Loaded only to build: a start with a fresh bundle does not pay for esbuild.
  const { build } = await import('esbuild');
  const { metafile } = await build({
    entryPoints: [join(root, 'server/local/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['better-sqlite3', 'busboy'],
    logLevel: 'warning',
    metafile: true,
  });
  // esbuild names inputs relative to the working directory: kept relative to the project instead.
  const inputs = Object.keys(metafile.inputs).map((file) => resolve(process.cwd(), file).slice(root.length + 1));
  writeFileSync(inputsOf(outfile), JSON.stringify(inputs));
  return outfile;
}
