// Page-test harness: renders a real Component()-built mini-program page (its .ts through ts-jest,
// its WXML through the official wcc compiler, real Vant from miniprogram_npm) with
// miniprogram-simulate in jsdom, and drives it the way a user would.
//
//   const page = await loadPage('pages/declare/index', { query: { id: '7' } });
//   await page.type('#name', 'Ada');
//   await page.tap('#submit');
//   await waitFor(() => expect(page.text('#result')).toContain('Ada'));
import * as path from 'path';
import type { Component, RootComponent } from 'miniprogram-simulate';
import * as jComponentInternals from '../../../preview/vendor/j-component.cjs';
import { compilerFileLists, simulate } from './simulate';
import { MINIPROGRAM_ROOT } from './paths';
import { wxMock, type PageInstance } from './wx';

export { FIXTURES_ROOT, MINIPROGRAM_ROOT, MINIPROGRAM_NPM, PROJECT_ROOT } from './paths';
export { installWxRequest, resetWx, setApp, wxMock, type ModalResult, type PageInstance, type SubscribeAnswer, type WxCall } from './wx';

/** Tests read pages and components loosely (page.data.model.materials…), as simulate's own types allow. */

type Loose = any;

/** A rendered node (page, Vant component or built-in like view/input) as miniprogram-simulate wraps it. */
export type SimNode = Component<Loose, Loose, Loose>;
/** A selector string (resolved inside the page) or a node already found. */
export type Target = string | SimNode;

export interface LoadPageOptions {
  /** Mini-program root containing the page and a miniprogram_npm/. Default: <project>/miniprogram. */
  rootPath?: string;
  /** The page query: given to onLoad(query), exposed as this.options, and set on same-named properties (as WeChat does). */
  query?: Record<string, string>;
  /** Run onLoad(query) → onShow → onReady after attaching (default true). With false, call page.load() yourself. */
  lifecycle?: boolean;
  /** Push onto getCurrentPages() like navigateTo instead of replacing the stack like reLaunch (default false). */
  push?: boolean;
}

export interface LoadedPage {
  /** miniprogram-simulate root component (j-component RootComponent). */
  readonly comp: RootComponent<Loose, Loose, Loose>;
  /** The rendered DOM of the page, attached to document.body. */
  readonly root: HTMLElement;
  /** The page's `this` (methods, setData, selectComponent, route, options). */
  readonly instance: PageInstance;
  /** e.g. 'pages/greet/index' (no leading slash, like WeChat's page.route). */
  readonly route: string;
  /** Current page data. */
  readonly data: Record<string, Loose>;
  /** First match or undefined. Selectors: #id / .class (exparser supports no tag names); pierce components with `>>>`. */
  query(selector: string): SimNode | undefined;
  /** Like query() but throws a readable error when nothing matches. */
  find(selector: string): SimNode;
  findAll(selector: string): SimNode[];
  /** First match of `selector` whose visible text equals `text` (string) or matches it (RegExp). */
  findByText(selector: string, text: string | RegExp): SimNode;
  /** Visible text of the page or of the first match (text nodes joined by one space; display:none subtrees skipped). */
  text(selector?: string): string;
  tap(target: Target): Promise<void>;
  /** Type into a van-field (or a bare input/textarea) like a user: focus, input, blur. */
  type(target: Target, value: string, options?: TypeOptions): Promise<void>;
  /** Make a component emit an event (e.g. van-radio-group `change` with detail '1'). */
  emit(target: Target, eventName: string, detail?: unknown): Promise<void>;
  /** onLoad(query) then onShow (use with lifecycle: false). */
  load(query?: Record<string, string>): Promise<void>;
  /** onShow + pageLifetimes.show, e.g. after "coming back" from a navigateTo. */
  show(): Promise<void>;
  /** onHide + pageLifetimes.hide. */
  hide(): void;
  /** onUnload, detach, and drop from getCurrentPages(). */
  unload(): void;
}

export interface TypeOptions {
  /** Fire blur after typing (default true: the user moves on, so blur-validation runs). */
  blur?: boolean;
}

// ---------------------------------------------------------------- exparser internals, kept in one place

interface ExparserNode {
  is?: string;
  childNodes: ExparserNode[];
  shadowRoot?: ExparserNode;
  $$?: Node; // the rendered DOM node (Element or Text)
  triggerPageLifeTime(name: string, args: unknown[]): void;
}
const exparserOf = (node: SimNode): ExparserNode => (node as unknown as { _exparserNode: ExparserNode })._exparserNode;

// j-component wraps arbitrary exparser nodes in its (unexported) base Component class.
const NodeClass = jComponentInternals.ComponentNode as new (node: ExparserNode) => SimNode;
const wrap = (node: ExparserNode): SimNode => (node as unknown as { __componentNode__?: SimNode }).__componentNode__ ?? new NodeClass(node);

/** Built-ins (view, button, input…) are registered by simulate as `wx-<name>` DOM tags; custom components use their tag. */
const isElement = (node: ExparserNode): boolean => node.$$?.nodeType === 1 && node.is !== 'virtual' && node.is !== 'slot';
const isBuiltIn = (node: ExparserNode): boolean => isElement(node) && (node.$$ as Element).tagName.toLowerCase().startsWith('wx-');

/**
 * Depth-first search over the host's own shadow tree. childNodes never include another component's
 * shadow root, so slotted content (van-field's <input> inside its <van-cell>) is searched while
 * other components' internals are not. wx:if/block "virtual" nodes and slots are transparent.
 */
function findInShadow(host: ExparserNode, match: (node: ExparserNode) => boolean): ExparserNode | undefined {
  const visit = (node: ExparserNode): ExparserNode | undefined => {
    for (const child of node.childNodes ?? []) {
      if (isElement(child) && match(child)) return child;
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return host.shadowRoot ? visit(host.shadowRoot) : undefined;
}

// ---------------------------------------------------------------- waiting

/** Let pending microtasks and timers of `ms` run (simulate dispatches events in a microtask). */
export function flush(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Wait for Vant's enter transitions (two 33 ms "animation frames"), e.g. before reading toast/dialog
 * text. Leaving takes ~370 ms more (the 300 ms duration); prefer waitFor() for disappearance.
 */
export function settle(): Promise<void> {
  return flush(80);
}

/**
 * Retry `check` until it neither throws nor returns `false`, then return its result; after `timeout` ms
 * rethrow the last failure. Works with assertions (`() => expect(...)...`) and boolean predicates.
 */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 3000, interval = 15 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let failure: unknown;
    try {
      const result = await check();
      if (result !== false) return result;
      failure = new Error('waitFor: predicate still false');
    } catch (err) {
      failure = err;
    }
    if (Date.now() > deadline) throw failure;
    await flush(interval);
  }
}

// ---------------------------------------------------------------- reading

const HIDDEN_STYLE = /(^|;)\s*display\s*:\s*none\s*(;|$)/i;

/** Visible text: text nodes trimmed and joined by one space; subtrees with inline display:none (closed Vant transitions) skipped. */
export function textOf(node: SimNode | Element): string {
  const el = 'dom' in node ? node.dom : node;
  if (!el) return '';
  const parts: string[] = [];
  const visit = (n: Node): void => {
    if (n.nodeType === 3) {
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) parts.push(t);
    } else if (n.nodeType === 1) {
      // Read the attribute: jsdom's CSS parser gives up on Vant styles like "display: none;width: ;".
      if (HIDDEN_STYLE.test((n as Element).getAttribute('style') ?? '')) return;
      n.childNodes.forEach(visit);
    }
  };
  visit(el);
  return parts.join(' ');
}

/** `a >>> b` = b inside the shadow tree of component a (j-component's querySelector stays in one tree). */
function queryAll(scope: SimNode, selector: string): SimNode[] {
  const parts = selector.split('>>>').map((part) => part.trim());
  let scopes = [scope];
  for (const part of parts) scopes = scopes.flatMap((s) => s.querySelectorAll(part));
  return scopes;
}

// ---------------------------------------------------------------- acting

/** First rendered element among `node`'s children; wx:if/block "virtual" nodes and slots are transparent. */
function firstElement(node: ExparserNode): ExparserNode | undefined {
  for (const child of node.childNodes ?? []) {
    if (isElement(child)) return child;
    const inner = firstElement(child);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Where a finger lands on a component: the deepest first rendered element (van-button → its text
 * inside <button bindtap>, van-collapse-item → the title cell). The tap bubbles (composed) back up
 * through every handler, as on a device. A built-in node (view, button…) is tapped as given.
 */
function tapTarget(node: SimNode): SimNode {
  let current = exparserOf(node);
  if (isBuiltIn(current)) return node;
  for (;;) {
    // Built-ins render their childNodes; custom components render their shadow tree.
    const next = isBuiltIn(current) ? firstElement(current) : current.shadowRoot && firstElement(current.shadowRoot);
    if (!next) return wrap(current);
    current = next;
  }
}

export async function tap(node: SimNode): Promise<void> {
  tapTarget(node).dispatchEvent('tap', { detail: { x: 0, y: 0 } });
  await flush();
}

/** Fire `eventName` on the node itself, as if the component had called triggerEvent(eventName, detail). */
export async function emit(node: SimNode, eventName: string, detail?: unknown): Promise<void> {
  node.dispatchEvent(eventName, { detail });
  await flush();
}

/**
 * Type into a van-field the way a user does: the field's inner <input>/<textarea> gets focus, one
 * `input` event with the whole value ({ value, cursor, keyCode }), then blur. van-field turns that into
 * its own `input` and `change` events (detail = the string), so `bind:change`/`bind:input` handlers run.
 */
export async function typeInto(node: SimNode, value: string, { blur = true }: TypeOptions = {}): Promise<void> {
  const self = exparserOf(node);
  const isTextInput = (n: ExparserNode): boolean => n.is === 'input' || n.is === 'textarea';
  const input = isTextInput(self) ? self : findInShadow(self, isTextInput);
  if (!input) throw new Error('typeInto: no <input>/<textarea> inside this node (is it a van-field?)');
  const target = wrap(input);
  target.dispatchEvent('focus', { detail: { value: '', height: 0 } });
  target.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
  if (blur) target.dispatchEvent('blur', { detail: { value, cursor: value.length } });
  await flush();
}

// ---------------------------------------------------------------- loading

// Every page loaded and not unloaded yet, even one a test dropped from the stack (resetWx): kept on
// globalThis, like the wx state, so every copy of this module sees the same pages.
const OPEN_PAGES = Symbol.for('pages-harness.open-pages');
function openPages(): Set<() => void> {
  const g = globalThis as typeof globalThis & { [OPEN_PAGES]?: Set<() => void> };
  return (g[OPEN_PAGES] ??= new Set());
}

/** Unloads every page still open (onUnload, detach), newest first: after each test, so none of them acts in the next. */
export function closeAllPages(): void {
  for (const unload of [...openPages()].reverse()) unload();
}

/**
 * Render a Component()-built page and (by default) run its page lifecycle.
 * `pagePath` is relative to the mini-program root ('pages/x/index' or '/pages/x/index'), or absolute.
 */
export async function loadPage(pagePath: string, options: LoadPageOptions = {}): Promise<LoadedPage> {
  const rootPath = options.rootPath ?? MINIPROGRAM_ROOT;
  const query = { ...(options.query ?? {}) };
  // '/pages/x/index' is root-relative (as in app.json / navigateTo urls) unless it is already under rootPath.
  const absolute = pagePath.startsWith(rootPath + path.sep) ? pagePath : path.join(rootPath, pagePath.replace(/^\/+/, ''));
  const componentPath = absolute.replace(/\.(ts|js|json|wxml|wxss)$/, '');
  const route = path.relative(rootPath, componentPath).split(path.sep).join('/');

  // 'official' = wcc (the simulate compiler cannot parse Vant's WXML). wcc only reads under rootPath.
  const id = simulate.load(componentPath, { compiler: 'official', rootPath, compilerOptions: compilerFileLists(rootPath) });
  const comp = simulate.render(id, query) as RootComponent<Loose, Loose, Loose>;
  const host = document.createElement('div');
  document.body.appendChild(host);
  comp.attach(host); // triggers attached + ready of the whole tree

  const instance = comp.instance as unknown as PageInstance;
  instance.route = route;
  instance.options = query;
  if (!options.push) for (const previous of [...wxMock.pages]) (previous as unknown as { __harnessUnload?: () => void }).__harnessUnload?.();
  wxMock.pages.push(instance);

  const call = (method: string, ...args: unknown[]): void => {
    const fn = (instance as unknown as Record<string, unknown>)[method];
    if (typeof fn === 'function') fn.apply(instance, args);
  };
  let unloaded = false;
  const unload = (): void => {
    if (unloaded) return;
    unloaded = true;
    openPages().delete(unload);
    call('onUnload');
    comp.detach();
    host.remove();
    const index = wxMock.pages.indexOf(instance);
    if (index >= 0) wxMock.pages.splice(index, 1);
  };
  (instance as unknown as { __harnessUnload: () => void }).__harnessUnload = unload;
  openPages().add(unload);

  const show = async (): Promise<void> => {
    call('onShow');
    exparserOf(comp).triggerPageLifeTime('show', []);
    await flush();
  };
  const load = async (q: Record<string, string> = query): Promise<void> => {
    instance.options = q;
    // For Component() pages, onLoad/onShow/onReady live in `methods`; WeChat calls them, simulate does not.
    call('onLoad', { ...q });
    await show();
  };
  const resolve = (target: Target): SimNode => (typeof target === 'string' ? page.find(target) : target);

  const page: LoadedPage = {
    comp,
    root: comp.dom as HTMLElement,
    instance,
    route,
    get data() {
      return comp.data;
    },
    query: (selector) => queryAll(comp, selector)[0],
    find(selector) {
      const found = queryAll(comp, selector)[0];
      if (!found) throw new Error(`${route}: nothing matches "${selector}". Page text: "${textOf(comp).slice(0, 300)}"`);
      return found;
    },
    findAll: (selector) => queryAll(comp, selector),
    findByText(selector, text) {
      const all = queryAll(comp, selector);
      const found = all.find((n) => (typeof text === 'string' ? textOf(n) === text : text.test(textOf(n))));
      if (!found) throw new Error(`${route}: no "${selector}" with text ${String(text)}; found: ${JSON.stringify(all.map((n) => textOf(n)))}`);
      return found;
    },
    text: (selector) => textOf(selector ? page.find(selector) : comp),
    tap: (target) => tap(resolve(target)),
    type: (target, value, typeOptions) => typeInto(resolve(target), value, typeOptions),
    emit: (target, eventName, detail) => emit(resolve(target), eventName, detail),
    load,
    show,
    hide() {
      call('onHide');
      exparserOf(comp).triggerPageLifeTime('hide', []);
    },
    unload,
  };

  if (options.lifecycle !== false) {
    await load(query);
    call('onReady');
    await flush();
  }
  return page;
}
