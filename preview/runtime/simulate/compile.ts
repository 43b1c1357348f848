// Stands in for miniprogram-simulate's src/compile.js: the WXML of a component comes from the $gwx
// that WeChat's wcc compiled at build time for the whole root (run once, as simulate runs it).
import { wxmlScript } from 'preview:app';

type Gwx = (path: string) => unknown;
let gwx: Gwx | undefined;
const cache = new Map<string, unknown>();

export function getWxml(componentPath: string): unknown {
  let wxml = cache.get(componentPath);
  if (wxml !== undefined) return wxml;
  // wcc emits sloppy-mode script (it assigns undeclared globals), so it runs through Function as in simulate.
  gwx ??= new Function(wxmlScript)() as Gwx;
  wxml = gwx(`${componentPath.replace(/^\/+/, '')}.wxml`);
  cache.set(componentPath, wxml);
  return wxml;
}
