// Vant's icon font, inlined: Vant Weapp loads it from a CDN (at.alicdn.com), which an offline
// browser cannot reach. @vant/icons ships the same font (same iconfont project, same code points)
// as a base64 WOFF2 data URL; this lifts it into an @font-face the preview's stylesheet carries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export function vantIconFontFace() {
  const require = createRequire(import.meta.url);
  const less = readFileSync(require.resolve('@vant/icons/src/encode-woff2.less'), 'utf8');
  const url = /url\('(data:font\/woff2;[^']+)'\)/.exec(less)?.[1];
  if (!url) throw new Error('preview: no inlined WOFF2 in @vant/icons/src/encode-woff2.less');
  return `@font-face{font-family:"vant-icon";font-style:normal;font-weight:400;font-display:block;src:url("${url}") format("woff2")}\n`;
}
