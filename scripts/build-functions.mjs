// `npm run build:functions`: bundles each cloud function's thin entry (cloudfunctions/<fn>/src/index.ts)
// with the handlers and the shared domain into cloudfunctions/<fn>/index.js, with esbuild. Only
// wx-server-sdk stays outside: WeChat's cloud installs it from the function's package.json. Offline.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const functionsRoot = join(root, 'cloudfunctions');

/** The functions: every folder of cloudfunctions/ with a src/index.ts. */
export function functionNames() {
  return readdirSync(functionsRoot).filter((name) => {
    try {
      return statSync(join(functionsRoot, name, 'src', 'index.ts')).isFile();
    } catch {
      return false;
    }
  });
}

/** Builds every function; answers each bundle's path and size in bytes. */
export async function buildFunctions() {
  const { build } = await import('esbuild');
  const built = [];
  for (const name of functionNames()) {
    const outfile = join(functionsRoot, name, 'index.js');
    await build({
      entryPoints: [join(functionsRoot, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      // CloudBase's Node.js 16 runtime is the oldest a function may be created with today.
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      // Not minified and without a source map (the cloud's Node does not read one): a stack trace in the
      // cloud's log is readable as it is, and the bundle stays small to upload and to start.
      logLevel: 'warning',
    });
    built.push({ name, outfile, bytes: statSync(outfile).size });
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildFunctions();
  for (const { name, outfile, bytes } of built) console.log(`${name.padEnd(10)} ${relative(root, outfile)}  ${(bytes / 1024).toFixed(1)} KiB`);
}
