// `npm run compile`: compiles the mini-program offline with miniprogram-ci, as WeChat DevTools and an
// upload would (TypeScript through WeChat's own compiler plugin, npm packages from miniprogram_npm),
// and writes the result to .build/wechat.zip. Preview and upload need WeChat's servers; this does not.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packNpm } from './pack-npm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const compiledZip = join(root, '.build', 'wechat.zip');

/** Compiles into `outZip` and answers the compiled file names. */
export async function compileForWeChat(outZip = compiledZip) {
  await packNpm({ log: () => {} });
  const require = createRequire(import.meta.url);
  const quiet = console.log;
  console.log = () => {};
  let ci;
  try {
    ci = require('miniprogram-ci');
  } finally {
    console.log = quiet;
  }
  const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: root,
    // Offline compiling needs no real key; preview and upload do (and WeChat's IP whitelist).
    privateKey: 'offline-compile',
    ignores: ['node_modules/**/*', 'tests/**/*', 'server/**/*', 'scripts/**/*', 'preview/**/*', '.build/**/*', '.data/**/*'],
  });
  // Asking WeChat for the project's attributes fails offline; the defaults are what a compile needs.
  project.attr = async () => ci.DefaultProjectAttr ?? {};
  mkdirSync(dirname(outZip), { recursive: true });
  const files = await ci.getCompiledResult({ project, setting: config.setting, onProgressUpdate: () => {} }, outZip);
  return Object.keys(files);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const files = await compileForWeChat();
  // --json: the compiled file names on the last line, for tests that check the build.
  if (process.argv.includes('--json')) console.log(JSON.stringify(files));
  else console.log(`compiled ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)}s → ${compiledZip}`);
  // miniprogram-ci leaves its forked compiler process attached; exiting ends it too.
  process.exit(0);
}
