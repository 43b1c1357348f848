#!/usr/bin/env node
// Builds the browser preview into .build/preview/ (served by the local host at / when PREVIEW_DIR
// points there, as `npm start` does): the mini-program's pages and components reachable from
// app.json, their WXML compiled by WeChat's wcc, run in the browser by miniprogram-simulate,
// j-component and exparser (preview/runtime), plus the development panel (preview/panel).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appModule } from '../preview/build/app-module.mjs';
import { previewPlugin } from '../preview/build/esbuild-plugin.mjs';
import { vantIconFontFace } from '../preview/build/icons.mjs';
import { packNpm } from './pack-npm.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const miniprogramRoot = join(projectRoot, 'miniprogram');
export const previewDir = join(projectRoot, '.build', 'preview');

const ASSET = /\.(png|jpe?g|gif|svg|webp)$/i;

/** Images the app refers to by root path (<image src="/images/x.png">, tab bar icons) → /app/… */
function copyAssets(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'miniprogram_npm' || name === 'node_modules' || name.startsWith('.')) continue;
    const file = join(dir, name);
    if (statSync(file).isDirectory()) copyAssets(file, out);
    else if (ASSET.test(name)) {
      const target = join(out, relative(miniprogramRoot, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
}

/**
 * @param {{ outDir?: string, log?: (line: string) => void }} [options] outDir defaults to .build/preview
 */
export async function buildPreview({ outDir = previewDir, log = console.log } = {}) {
  await packNpm({ log });
  const started = Date.now();
  const project = JSON.parse(readFileSync(join(projectRoot, 'project.config.json'), 'utf8'));
  const generated = appModule(miniprogramRoot, project.libVersion ?? '3.0.0');

  // Built beside the old copy and swapped in, so a running host never serves a half-written preview.
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    entryPoints: { app: join(projectRoot, 'preview/runtime/main.ts'), panel: join(projectRoot, 'preview/panel/main.ts') },
    outdir: staging,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    sourcemap: 'linked',
    charset: 'utf8',
    // The app's compiler options, not preview/tsconfig.json (whose paths point at type declarations).
    tsconfig: join(projectRoot, 'tsconfig.json'),
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"development"' },
    plugins: [previewPlugin({ projectRoot, miniprogramRoot, appSource: () => generated.source, iconCss: vantIconFontFace })],
    logLevel: 'warning',
  });
  const title = String(JSON.parse(readFileSync(join(miniprogramRoot, 'app.json'), 'utf8')).window?.navigationBarTitleText ?? '小程序');
  const html = readFileSync(join(projectRoot, 'preview/static/index.html'), 'utf8').replaceAll('%TITLE%', title.replace(/[<>&"]/g, ''));
  writeFileSync(join(staging, 'index.html'), html);
  copyAssets(miniprogramRoot, join(staging, 'app'));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);

  const bytes = ['app.js', 'app.css', 'panel.js', 'panel.css']
    .map((name) => join(outDir, name))
    .filter(existsSync)
    .reduce((sum, file) => sum + statSync(file).size, 0);
  const ms = Date.now() - started;
  log(
    `build-preview: ${generated.routes.length} pages, ${generated.componentCount} components, ${generated.wxmlCount} WXML files ` +
      `→ ${relative(projectRoot, outDir)} (${(bytes / 1024).toFixed(0)} KiB) in ${(ms / 1000).toFixed(1)}s`,
  );
  return { dir: outDir, ms, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildPreview().catch((error) => {
    console.error('build-preview: failed:', error.message ?? error);
    process.exit(1);
  });
}
