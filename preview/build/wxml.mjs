// Compiles the WXML of every reachable component with WeChat's own wcc (miniprogram-compiler),
// exactly as miniprogram-simulate does: one `wxmlToJs(rootPath)` for the whole root, whose output
// is a script that returns $gwx. Only reachable WXML goes in, with the templates and WXS it pulls in.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';

const compiler = createRequire(import.meta.url)('miniprogram-compiler');

const WXML_REFS = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
const WXS_REFS = /\brequire\s*\(\s*["']([^"']+\.wxs)["']\s*\)/g;

/** Root paths (no leading slash) of the WXML and WXS files wcc needs for these components. */
export function wccInputs(root, componentPaths) {
  const wxml = new Set();
  const wxs = new Set();
  const resolve = (from, ref) => (ref.startsWith('/') ? posix.normalize(ref) : posix.join(posix.dirname(from), ref)).replace(/^\/+/, '');
  const visit = (rel) => {
    const isWxs = rel.endsWith('.wxs');
    const set = isWxs ? wxs : wxml;
    if (set.has(rel) || !existsSync(join(root, rel))) return;
    set.add(rel);
    const text = readFileSync(join(root, rel), 'utf8');
    for (const [, ref] of text.matchAll(isWxs ? WXS_REFS : WXML_REFS)) {
      visit(resolve(`/${rel}`, /\.(wxml|wxs)$/.test(ref) ? ref : `${ref}.wxml`));
    }
  };
  for (const path of componentPaths) visit(`${path.replace(/^\/+/, '')}.wxml`);
  return { wxmlList: [...wxml].sort(), wxsList: [...wxs].sort() };
}

/** The wcc output: a script body (sloppy mode, like simulate's `new Function`) that returns $gwx. */
export function compileWxml(root, componentPaths) {
  const inputs = wccInputs(root, componentPaths);
  return { source: compiler.wxmlToJs(root, inputs), ...inputs };
}
