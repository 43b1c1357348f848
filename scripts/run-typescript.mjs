// Runs a TypeScript command of scripts/: bundles its entry with esbuild into .build/<name>.cjs and calls its
// `main(argv, env)`, whose answer is the exit code. Packages that must load from node_modules stay external.
import { build } from 'esbuild';
import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runTypeScript({ name, entry, external }) {
  const outfile = join(root, '.build', `${name}.cjs`);
  // Written aside and renamed into place, so that two runs at once never load a half-written bundle.
  const written = `${outfile}.${process.pid}`;
  try {
    await build({ entryPoints: [join(root, entry)], outfile: written, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external, logLevel: 'error' });
    renameSync(written, outfile);
    const { main } = createRequire(import.meta.url)(outfile);
    process.exitCode = await main(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 1;
  }
}
