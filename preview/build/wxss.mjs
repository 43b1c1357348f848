// Turns a component's WXSS into a CSS template scoped the way miniprogram-simulate scopes it:
// imports inlined, every class prefixed "<tag>--", `:host` and built-in tag selectors mapped to the
// rendered tags. The tag is only known when a page loads, so it stays a placeholder (TAG) here.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import simulateInternals from '../vendor/miniprogram-simulate.cjs';

// simulate's own postcss (7), so the selector walk is the one page tests run.
const postcss = simulateInternals.postcss();

/** Replaced by the component's tag name at run time (see preview/runtime/simulate/wxss.ts). */
export const TAG = '__WXTAG__';

// Built-ins render as <wx-view>, <wx-button>…; `page` is the preview's page element.
const BUILT_INS = new Set([
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'label',
  'navigator',
  'scroll-view',
  'swiper',
  'swiper-item',
  'icon',
  'progress',
  'rich-text',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'switch',
  'slider',
  'picker',
  'picker-view',
  'picker-view-column',
  'form',
  'video',
  'canvas',
  'map',
  'movable-area',
  'movable-view',
  'cover-view',
  'cover-image',
  'root-portal',
  'web-view',
  'editor',
]);

const IMPORT = /@import\s+(?:"([^"]+)"|'([^']+)');/g;

/** WXSS with its @imports inlined (each file once per chain, like simulate's getContent). */
function inlineImports(root, rootPath, seen = new Set()) {
  const file = join(root, rootPath);
  if (seen.has(rootPath) || !existsSync(file)) return '';
  seen.add(rootPath);
  return readFileSync(file, 'utf8').replace(IMPORT, (_all, a, b) => {
    const target = (a ?? b).startsWith('/') ? posix.normalize(a ?? b) : posix.join(posix.dirname(rootPath), a ?? b);
    return inlineImports(root, target, new Set(seen));
  });
}

const TYPE_SELECTOR = /(^|[\s>+~,(])([a-z][a-z0-9-]*)(?=$|[\s>+~,.:#[)])/g;

function scopeSelector(selector) {
  // Exactly simulate's class prefixing (src/wxss.js addClassPrefixPlugin).
  let out = selector.replace(/(.)?\.([-_a-zA-Z0-9]+)/gis, (all, before, name) => (/\d/.test(before) ? all : `${before || ''}.${TAG}--${name}`));
  out = out.replace(/:host\b/g, TAG);
  return out.replace(TYPE_SELECTOR, (all, before, tag) => {
    if (tag === 'page') return `${before}wx-page`;
    return BUILT_INS.has(tag) ? `${before}wx-${tag}` : all;
  });
}

/** Remote fonts (Vant's icon font on a CDN) cannot load offline; the preview inlines its own copy. */
function dropRemoteFonts(css) {
  return css.replace(/@font-face\s*{[^}]*url\(\s*['"]?(?:https?:)?\/\/[^}]*}/g, '');
}

/**
 * @param {string} root the mini-program root
 * @param {string} wxssPath root path of the .wxss file, e.g. "/pages/home/index.wxss"
 * @returns {string} the CSS template ('' when the component has no WXSS)
 */
export function scopedWxss(root, wxssPath) {
  const source = dropRemoteFonts(inlineImports(root, wxssPath));
  if (!source.trim()) return '';
  const ast = postcss.parse(source, { from: undefined });
  ast.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    rule.selectors = rule.selectors.map(scopeSelector);
  });
  return ast.toString();
}

/** app.wxss for one page: its classes are the page's own (WeChat applies app.wxss to pages). */
export function appWxss(root) {
  return scopedWxss(root, '/app.wxss');
}
