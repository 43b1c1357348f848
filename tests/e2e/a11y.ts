// Accessibility and layout checks over the page as Chromium renders it: contrast, control names, tap target sizes, and nothing cut off or off the screen.
import type { Page } from 'playwright-core';

/**
 * What a person sees of the app: the page on top of the stack and whatever WeChat draws over it.
 * Pages underneath stay in the DOM (hidden), so they are left out.
 */
export const DEFAULT_ROOT = '.wx-page-frame:not([hidden]), .wx-modal, .wx-action-sheet, .wx-toast, .wx-image-viewer';

/** Roles a person operates; an element with one of them needs a name and room to be tapped. */
export const INTERACTIVE_ROLES = [
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'tab',
  'slider',
  'spinbutton',
];

/** One selector, a selector list with commas, or several selectors: every element any of them matches. */
export type Root = string | string[];

export interface RootOptions {
  root?: Root;
}

export interface ContrastProblem {
  /** One line saying what, where and how far off. */
  describe: string;
  kind: 'text' | 'placeholder' | 'value';
  /** The first 30 characters. */
  text: string;
  path: string;
  /** Rounded to 2 decimals. */
  ratio: number;
  /** The text colour as painted (its alpha and the ancestors' opacity composited), as #rrggbb. */
  color: string;
  /** The background as composited over white, as #rrggbb. */
  background: string;
}

/** Text whose background cannot be measured from styles (an image or gradient behind it). */
export interface ContrastSkip {
  describe: string;
  text: string;
  path: string;
  reason: string;
}

export interface ContrastReport {
  problems: ContrastProblem[];
  skipped: ContrastSkip[];
  /** Text nodes and fields measured (problems included, skipped ones not). */
  checked: number;
}

export interface Control {
  role: string;
  name: string;
  /** A switch's, checkbox's or radio's state as announced: 'true', 'false' or 'mixed'. */
  checked?: string;
}

export interface UnnamedControl {
  describe: string;
  role: string;
  path: string;
}

export interface TargetProblem {
  describe: string;
  role: string;
  path: string;
  /** The label a person would read: aria-label, the text, or the placeholder (first 30 characters). */
  label: string;
  /** The box measured (a field's row where the field sits in one), rounded to 0.1 px. */
  width: number;
  height: number;
}

export interface OverflowProblem {
  describe: string;
  /**
   * document-scroll: the whole document scrolls sideways; offscreen: an element or text crosses the
   * screen's left or right edge; cut-off / ellipsis / clamped: an element's own text does not fit it.
   */
  kind: 'document-scroll' | 'offscreen' | 'cut-off' | 'ellipsis' | 'clamped';
  path: string;
  text: string;
}

type Check = 'contrast' | 'targets' | 'overflow';

interface PageArgs {
  check: Check;
  roots: string[];
  min: number;
  roles: string[];
}

const rootList = (root: Root | undefined): string[] => (root === undefined ? [DEFAULT_ROOT] : Array.isArray(root) ? root : [root]);

/**
 * All three DOM checks in one function because it runs in the page, where nothing of this module
 * exists: the measuring code they share has to travel with it.
 */
function inPage({ check, roots, min, roles }: PageArgs): unknown {
  const vw = document.documentElement.clientWidth;
  const style = (el: Element) => getComputedStyle(el);
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 30);

  const rootElements: Element[] = [];
  for (const selector of roots) for (const el of Array.from(document.querySelectorAll(selector))) if (!rootElements.includes(el)) rootElements.push(el);
  // A root inside another root would be walked twice.
  const tops = rootElements.filter((el) => !rootElements.some((other) => other !== el && other.contains(el)));

  const elementsUnder = (): Element[] => {
    const all: Element[] = [];
    for (const top of tops) all.push(top, ...Array.from(top.querySelectorAll('*')));
    return all;
  };
  const textsUnder = (): Text[] => {
    const all: Text[] = [];
    for (const top of tops) {
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!(node as Text).data.trim() || !parent || ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'OPTION'].includes(parent.tagName)) continue;
        all.push(node as Text);
      }
    }
    return all;
  };

  const describeElement = (el: Element) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    const classes = Array.from(el.classList).slice(0, 2);
    if (classes.length) name += `.${classes.join('.')}`;
    return name;
  };
  /** The element and up to two ancestors, stopping at the root: enough to find it, short enough to read. */
  const pathOf = (el: Element) => {
    const parts: string[] = [];
    for (let at: Element | null = el; at && parts.length < 3; at = at.parentElement) {
      parts.unshift(describeElement(at));
      if (tops.includes(at)) break;
    }
    return parts.join(' > ');
  };

  const disabled = (el: Element) => !!el.closest('[disabled], [aria-disabled="true"], [wx-disabled], [class*="--disabled"]');
  const opacityOf = (el: Element) => {
    let product = 1;
    for (let at: Element | null = el; at; at = at.parentElement) product *= Number(style(at).opacity);
    return product;
  };

  /**
   * Whether overflow clipping hides the box entirely. An ancestor clips a box only if it is on the
   * box's containing-block chain: a fixed or absolute box escapes the ancestors in between. A scroll
   * container hides nothing for good (it can be scrolled to): what lies in its scroll area counts as
   * shown in its box, which its own ancestors may clip in turn.
   */
  const clippedOut = (rect: DOMRect, el: Element) => {
    const span = { x: [rect.left, rect.right], y: [rect.top, rect.bottom] };
    let position = style(el).position;
    for (let at = el.parentElement; at; at = at.parentElement) {
      const s = style(at);
      const holdsFixed =
        s.transform !== 'none' || s.filter !== 'none' || s.perspective !== 'none' || /paint|layout|strict|content/.test(s.contain) || /transform/.test(s.willChange);
      const holdsAbsolute = holdsFixed || s.position !== 'static';
      if ((position === 'fixed' && !holdsFixed) || (position === 'absolute' && !holdsAbsolute)) continue;
      const box = at.getBoundingClientRect();
      for (const axis of ['x', 'y'] as const) {
        const overflow = axis === 'x' ? s.overflowX : s.overflowY;
        if (overflow === 'visible') continue;
        const [boxLow, boxHigh] = axis === 'x' ? [box.left, box.right] : [box.top, box.bottom];
        const [low, high] = span[axis];
        if (overflow === 'auto' || overflow === 'scroll') {
          const start = boxLow - (axis === 'x' ? at.scrollLeft : at.scrollTop);
          if (high <= start || low >= start + (axis === 'x' ? at.scrollWidth : at.scrollHeight)) return true;
          span[axis] = [boxLow, boxHigh];
        } else {
          if (high <= boxLow || low >= boxHigh) return true;
          span[axis] = [Math.max(low, boxLow), Math.min(high, boxHigh)];
        }
      }
      position = s.position;
    }
    // A fixed box outside the window (a popup slid away) is never seen; nor is anything above or
    // left of the document's start, which scrolling cannot reach.
    if (position === 'fixed') return span.x[1] <= 0 || span.y[1] <= 0 || span.x[0] >= innerWidth || span.y[0] >= innerHeight;
    return span.x[1] + scrollX <= 0 || span.y[1] + scrollY <= 0;
  };
  const shown = (el: Element, rect = el.getBoundingClientRect()) => rect.width > 0 && rect.height > 0 && style(el).visibility === 'visible' && !clippedOut(rect, el);
  const textRect = (node: Text) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect();
  };

  if (check === 'contrast') {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (css: string): Rgba | undefined => {
      const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css);
      const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(css);
      const alpha = (a: string | undefined) => (a === undefined ? 1 : a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a));
      if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha(rgb[4]) };
      if (srgb) return { r: Number(srgb[1]) * 255, g: Number(srgb[2]) * 255, b: Number(srgb[3]) * 255, a: alpha(srgb[4]) };
      if (css === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
      return undefined;
    };
    const over = (top: Rgba, below: Rgba): Rgba => ({
      r: top.r * top.a + below.r * (1 - top.a),
      g: top.g * top.a + below.g * (1 - top.a),
      b: top.b * top.a + below.b * (1 - top.a),
      a: 1,
    });
    const hex = (c: Rgba) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    // WCAG 2 relative luminance and contrast ratio.
    const luminance = (c: Rgba) => {
      const [r, g, b] = [c.r, c.g, c.b].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratioOf = (a: Rgba, b: Rgba) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high + 0.05) / (low + 0.05);
    };

    // Images painted anywhere on the page: text over one has no single background colour.
    const images = Array.from(document.querySelectorAll('img, video, canvas'))
      .filter((el) => shown(el))
      .map((el) => el.getBoundingClientRect());
    const overImage = (rect: DOMRect) =>
      images.some((box) => Math.min(rect.right, box.right) - Math.max(rect.left, box.left) > 1 && Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top) > 1);

    /** The backdrop colours from the element outwards, composited over white from the first opaque one. */
    const backgroundOf = (el: Element): Rgba | string => {
      const layers: Rgba[] = [];
      for (let at: Element | null = el; at; at = at.parentElement) {
        const s = style(at);
        if (s.backgroundImage !== 'none') return `background image on ${pathOf(at)}`;
        const colour = parse(s.backgroundColor);
        if (!colour) return `unreadable background ${s.backgroundColor} on ${pathOf(at)}`;
        const layer = { ...colour, a: colour.a * opacityOf(at) };
        if (layer.a > 0) layers.push(layer);
        if (layer.a >= 1) break;
      }
      return layers.reduceRight((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };

    const problems: ContrastProblem[] = [];
    const skipped: ContrastSkip[] = [];
    let checked = 0;
    const measure = (kind: ContrastProblem['kind'], text: string, el: Element, rect: DOMRect, css: string, opacity: number): void => {
      const path = pathOf(el);
      const skip = (reason: string): void => {
        skipped.push({ describe: `"${text}" in ${path}: ${reason}`, text, path, reason });
      };
      const colour = parse(css);
      if (!colour) return skip(`unreadable colour ${css}`);
      if (overImage(rect)) return skip('over an image');
      const background = backgroundOf(el);
      if (typeof background === 'string') return skip(background);
      checked++;
      const painted = over({ ...colour, a: colour.a * opacity }, background);
      const ratio = round(ratioOf(painted, background), 2);
      if (ratio < min) {
        const [color, back] = [hex(painted), hex(background)];
        problems.push({ describe: `${kind} "${text}" in ${path}: contrast ${ratio} < ${min} (${color} on ${back})`, kind, text, path, ratio, color, background: back });
      }
    };

    for (const node of textsUnder()) {
      const parent = node.parentElement!;
      const rect = textRect(node);
      if (!(rect.width > 0 && rect.height > 0) || style(parent).visibility !== 'visible' || clippedOut(rect, parent) || disabled(parent)) continue;
      const opacity = opacityOf(parent);
      // Fully transparent text is not seen at all (a fade at its end), so it has no contrast to judge.
      if (opacity === 0) continue;
      measure('text', snippet(node.data), parent, rect, style(parent).color, opacity);
    }
    for (const el of elementsUnder()) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
      if (el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(el.type)) continue;
      const rect = el.getBoundingClientRect();
      if (!shown(el, rect) || disabled(el)) continue;
      const opacity = opacityOf(el);
      if (opacity === 0) continue;
      if (el.value === '') {
        if (!el.placeholder.trim()) continue;
        const placeholder = getComputedStyle(el, '::placeholder');
        measure('placeholder', snippet(el.placeholder), el, rect, placeholder.color, opacity * Number(placeholder.opacity || 1));
      } else {
        measure('value', snippet(el.type === 'password' ? '•'.repeat(el.value.length) : el.value), el, rect, style(el).color, opacity);
      }
    }
    return { problems, skipped, checked };
  }

  if (check === 'targets') {
    const problems: TargetProblem[] = [];
    const rowOf = (el: Element) => {
      for (let at = el.parentElement; at; at = at.parentElement) {
        // The preview writes a component's classes as "<owner tag>--<class>" (van-cell--van-cell).
        if ([at.tagName.toLowerCase(), ...Array.from(at.classList)].some((name) => /(^|--)van-(cell|field)$/.test(name))) return at;
      }
      return null;
    };
    for (const el of elementsUnder()) {
      const explicit = (el.getAttribute('role') ?? '').trim().split(/\s+/)[0];
      const native = el.matches('button, a[href], input:not([type="hidden"]), textarea, select');
      if (!roles.includes(explicit) && !(native && !['none', 'presentation'].includes(explicit))) continue;
      const rect = el.getBoundingClientRect();
      if (!shown(el, rect)) continue;
      let [width, height] = [rect.width, rect.height];
      const row = el.matches('input, textarea') ? rowOf(el) : null;
      if (row) {
        // Tapping anywhere on a field's row focuses the field.
        const box = row.getBoundingClientRect();
        [width, height] = [Math.max(width, box.width), Math.max(height, box.height)];
      }
      if (width >= min && height >= min) continue;
      const role = roles.includes(explicit) ? explicit : el.tagName.toLowerCase();
      const label = snippet(el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '');
      const path = pathOf(el);
      [width, height] = [round(width, 1), round(height, 1)];
      problems.push({ describe: `${role} "${label}" at ${path}: ${width}×${height} px, under ${min} px`, role, path, label, width, height });
    }
    return problems;
  }

  // check === 'overflow'
  const problems: OverflowProblem[] = [];
  const scrolling = document.scrollingElement ?? document.documentElement;
  if (scrolling.scrollWidth > scrolling.clientWidth + 1) {
    problems.push({
      describe: `the document scrolls sideways: scrollWidth ${scrolling.scrollWidth} > clientWidth ${scrolling.clientWidth}`,
      kind: 'document-scroll',
      path: describeElement(scrolling),
      text: '',
    });
  }
  const inScroller = (el: Element) => {
    for (let at = el.parentElement; at; at = at.parentElement) if (['auto', 'scroll'].includes(style(at).overflowX)) return true;
    return false;
  };
  const ownText = (el: Element) =>
    snippet(
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => (n as Text).data)
        .join(' '),
    );
  // Once an element is off the screen, what it holds is too: reporting its contents as well says nothing new.
  const offscreen: Element[] = [];
  const within = (el: Element) => offscreen.some((outer) => outer.contains(el));
  const reportOffscreen = (el: Element, rect: DOMRect, text: string, what: string) => {
    if (within(el)) return;
    const path = pathOf(el);
    const edges = `left ${round(rect.left, 1)}, right ${round(rect.right, 1)}, screen width ${vw}`;
    problems.push({ describe: `${what} ${path} crosses the screen edge: ${edges}`, kind: 'offscreen', path, text });
  };
  for (const el of elementsUnder()) {
    const rect = el.getBoundingClientRect();
    if (!shown(el, rect) || inScroller(el)) continue;
    if (rect.right > vw + 1 || rect.left < -1) {
      reportOffscreen(el, rect, ownText(el), 'element');
      offscreen.push(el);
    }
  }
  // Text can spill out of a box that fits (overflow visible, a long unbreakable word).
  for (const node of textsUnder()) {
    const parent = node.parentElement!;
    const rect = textRect(node);
    if (!(rect.width > 0 && rect.height > 0) || style(parent).visibility !== 'visible' || clippedOut(rect, parent) || inScroller(parent)) continue;
    if (rect.right > vw + 1 || rect.left < -1) reportOffscreen(parent, rect, snippet(node.data), `text "${snippet(node.data)}" in`);
  }
  for (const el of elementsUnder()) {
    const text = ownText(el);
    const s = style(el);
    if (!text || s.display === 'inline' || s.display === 'contents' || !shown(el)) continue;
    const path = pathOf(el);
    const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
    if (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      const ellipsis = s.textOverflow === 'ellipsis';
      problems.push({
        describe: `"${text}" in ${path} is ${ellipsis ? 'ellipsized' : 'cut off'}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
        kind: ellipsis ? 'ellipsis' : 'cut-off',
        path,
        text,
      });
    }
    if (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      const clamp = s.webkitLineClamp && s.webkitLineClamp !== 'none' ? s.webkitLineClamp : '';
      problems.push({
        describe: `"${text}" in ${path} is ${clamp ? `clamped to ${clamp} lines` : 'cut off below'}: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`,
        kind: clamp ? 'clamped' : 'cut-off',
        path,
        text,
      });
    }
  }
  return problems;
}

const run = (page: Page, args: PageArgs) => page.evaluate(inPage, args);

/**
 * Every visible text, placeholder and field value measured against its background: `problems` are
 * those under `min` (WCAG AA: 4.5); `skipped` those that cannot be measured, so a test can see they are few.
 */
export async function contrastProblems(page: Page, { root, min = 4.5 }: RootOptions & { min?: number } = {}): Promise<ContrastReport> {
  return (await run(page, { check: 'contrast', roots: rootList(root), min, roles: INTERACTIVE_ROLES })) as ContrastReport;
}

/** Controls (by role or native element) whose box is under `min` CSS px either way. */
export async function targetProblems(page: Page, { root, min = 44 }: RootOptions & { min?: number } = {}): Promise<TargetProblem[]> {
  return (await run(page, { check: 'targets', roots: rootList(root), min, roles: INTERACTIVE_ROLES })) as TargetProblem[];
}

/** A sideways-scrolling document, things over the screen's edge, and text cut off, ellipsized or clamped. */
export async function overflowProblems(page: Page, { root }: RootOptions = {}): Promise<OverflowProblem[]> {
  return (await run(page, { check: 'overflow', roots: rootList(root), min: 0, roles: INTERACTIVE_ROLES })) as OverflowProblem[];
}

interface AxNode {
  ignored: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  backendDOMNodeId?: number;
  properties?: { name: string; value?: { value?: unknown } }[];
}

/**
 * Interactive nodes of Chromium's accessibility tree (what a screen reader is given), with where
 * each sits. Nodes not ignored are the ones a screen reader reaches: hidden pages are ignored.
 */
async function interactiveNodes(page: Page, root: Root | undefined): Promise<(Control & { path: string })[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const roots = rootList(root).join(', ');
    const found: (Control & { path: string })[] = [];
    for (const node of nodes) {
      const role = String(node.role?.value ?? '').toLowerCase();
      if (node.ignored || !INTERACTIVE_ROLES.includes(role) || node.backendDOMNodeId === undefined) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      if (!object.objectId) continue;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        // Runs in the page with the node as `this`: whether it is under a root, and a short path to it.
        functionDeclaration: `function (roots) {
          const el = this.nodeType === 1 ? this : this.parentElement;
          if (!el) return null;
          const top = el.closest(roots);
          if (!top) return null;
          const parts = [];
          for (let at = el; at && parts.length < 3; at = at.parentElement) {
            let part = at.tagName.toLowerCase();
            if (at.id) part += '#' + at.id;
            const classes = Array.from(at.classList).slice(0, 2);
            if (classes.length) part += '.' + classes.join('.');
            parts.unshift(part);
            if (at === top) break;
          }
          return parts.join(' > ');
        }`,
        arguments: [{ value: roots }],
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
      if (typeof result.value !== 'string') continue;
      const checked = node.properties?.find((property) => property.name === 'checked')?.value?.value;
      found.push({ role, name: String(node.name?.value ?? '').trim(), ...(checked === undefined ? {} : { checked: String(checked) }), path: result.value });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Every control a screen reader finds under the root, by role and accessible name. */
export async function controlsInTree(page: Page, { root }: RootOptions = {}): Promise<Control[]> {
  return (await interactiveNodes(page, root)).map(({ path: _path, ...control }) => control);
}

/** Controls a screen reader announces by role alone: no text, label or aria-label gives them a name. */
export async function unnamedControls(page: Page, { root }: RootOptions = {}): Promise<UnnamedControl[]> {
  return (await interactiveNodes(page, root)).filter(({ name }) => !name).map(({ role, path }) => ({ describe: `${role} with no name at ${path}`, role, path }));
}
