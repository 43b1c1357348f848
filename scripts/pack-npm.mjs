#!/usr/bin/env node
// Builds miniprogram/miniprogram_npm (the WeChat "构建 npm" output) offline.
//
// Why this API: miniprogram-ci's packNpm() ignores the relation list and the `pack-npm-manually`
// CLI writes nothing; the Node API ci.packNpmManually() works, offline, in ~8 s.
// Skips the work when miniprogram_npm is newer than package-lock.json; `--force` rebuilds.
// Also exported as packNpm() so jest's globalSetup can call it in-process.
import { existsSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageJsonPath = join(projectRoot, 'package.json');
const lockPath = join(projectRoot, 'package-lock.json');
const miniprogramDir = join(projectRoot, 'miniprogram');
const npmDistDir = join(miniprogramDir, 'miniprogram_npm');

/** True when miniprogram_npm exists and is at least as new as package-lock.json (or package.json). */
function isUpToDate() {
  if (!existsSync(npmDistDir)) return false;
  const inputPath = existsSync(lockPath) ? lockPath : packageJsonPath;
  return statSync(npmDistDir).mtimeMs >= statSync(inputPath).mtimeMs;
}

/** @param {{ force?: boolean, log?: (line: string) => void }} [options] */
export async function packNpm({ force = false, log = console.log } = {}) {
  if (!force && isUpToDate()) {
    log('pack-npm: miniprogram/miniprogram_npm is up to date (use --force to rebuild)');
    return;
  }
  const started = Date.now();
  // miniprogram-ci prints a banner while loading; keep our output to one line.
  const realLog = console.log;
  console.log = () => {};
  let ci;
  try {
    ci = createRequire(import.meta.url)('miniprogram-ci');
  } finally {
    console.log = realLog;
  }
  // miniprogramNpmDistDir is the directory that will *contain* miniprogram_npm/.
  const result = await ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir: miniprogramDir });
  if (!existsSync(npmDistDir)) {
    throw new Error(`packNpmManually produced no ${npmDistDir} (is node_modules installed?)`);
  }
  // A rebuild may only rewrite nested files; bump the dir's mtime so the freshness check holds.
  const now = new Date();
  utimesSync(npmDistDir, now, now);
  for (const warn of result.warnList ?? []) log(`pack-npm: warning: ${warn.jsPath ?? ''} ${warn.msg ?? JSON.stringify(warn)}`);
  log(
    `pack-npm: built miniprogram/miniprogram_npm (${result.miniProgramPackNum} miniprogram + ` +
      `${result.otherNpmPackNum} other packages) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
}

// Run as a CLI only when executed directly (not when imported by jest's globalSetup).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  packNpm({ force: process.argv.includes('--force') }).catch((err) => {
    console.error('pack-npm: failed:', err);
    process.exit(1);
  });
}
