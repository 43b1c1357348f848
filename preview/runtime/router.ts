// The page stack and WeChat's navigation: navigateTo, redirectTo, navigateBack, reLaunch and
// switchTab, with the page lifecycle a Component()-built page gets on a device (onLoad(query),
// onShow, onReady, onHide, onUnload, pageLifetimes show/hide) and onPageScroll / onReachBottom.
import { app } from 'preview:app';
import type { RootComponent } from 'j-component';
import { updateChrome } from './chrome';
import { reportAppError } from './errors';
import { currentFrame } from './frame';
import { pageConfig, renderPage, type PageConfig } from './pages';
import { followTopPage } from './root-font';
import { PAGE_CHANGED_EVENT } from '../shared/bridge';

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  [key: string]: unknown;
}

export interface PageEntry {
  route: string;
  query: Record<string, string>;
  config: PageConfig;
  title: string;
  comp: RootComponent;
  instance: PageInstance;
  frame: HTMLElement;
}

const MAX_PAGES = 10;
const stack: PageEntry[] = [];
const tabPages = new Map<string, PageEntry>();

const tabRoutes = (): string[] => (app.tabBar?.list ?? []).map((item) => item.pagePath.replace(/^\/+/, ''));
export const isTabPage = (route: string): boolean => tabRoutes().includes(route);
export const pageStack = (): readonly PageEntry[] => stack;
export const topPage = (): PageEntry | undefined => stack[stack.length - 1];

export class NavigationError extends Error {}

/** "/pages/x/index?a=1", or relative to the current page ("../y/index"). */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?', 2);
  const base = topPage()?.route.split('/').slice(0, -1) ?? [];
  const parts = path.startsWith('/') ? [] : [...base];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=', 2);
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return { route: parts.join('/').replace(/\.(ts|js|wxml)$/, ''), query };
}

function call(entry: PageEntry, method: string, ...args: unknown[]): void {
  const fn = entry.instance[method];
  if (typeof fn !== 'function') return;
  try {
    (fn as (...a: unknown[]) => unknown).apply(entry.instance, args);
  } catch (error) {
    reportAppError(error);
  }
}

function changed(): void {
  followTopPage(topPage()?.frame);
  updateChrome(stack);
  window.dispatchEvent(new Event(PAGE_CHANGED_EVENT));
}

function show(entry: PageEntry): void {
  entry.frame.hidden = false;
  call(entry, 'onShow');
  entry.comp.triggerPageLifeTime('show');
}

function hide(entry: PageEntry): void {
  call(entry, 'onHide');
  entry.comp.triggerPageLifeTime('hide');
  entry.frame.hidden = true;
}

function unload(entry: PageEntry): void {
  call(entry, 'onUnload');
  entry.comp.detach();
  entry.frame.remove();
  if (tabPages.get(entry.route) === entry) tabPages.delete(entry.route);
}

function watchScroll(entry: PageEntry): void {
  let atBottom = false;
  entry.frame.addEventListener('scroll', () => {
    const { scrollTop, scrollHeight, clientHeight } = entry.frame;
    call(entry, 'onPageScroll', { scrollTop });
    const near = scrollHeight - scrollTop - clientHeight <= (entry.config.onReachBottomDistance ?? 50);
    if (near && !atBottom) call(entry, 'onReachBottom');
    atBottom = near;
  });
}

/** Creates the page, puts it on top of the stack, and runs onLoad → onShow → onReady. */
function open(route: string, query: Record<string, string>): PageEntry {
  if (!app.routes.includes(route)) throw new NavigationError(`page "${route}" is not found`);
  const frame = document.createElement('div');
  frame.className = 'wx-page-frame';
  frame.dataset.route = route;
  const pageElement = document.createElement('wx-page');
  frame.appendChild(pageElement);
  const config = pageConfig(route);
  if (config.disableScroll) frame.classList.add('wx-page-frame--fixed');
  if (config.backgroundColor) frame.style.backgroundColor = config.backgroundColor;
  currentFrame().viewport.appendChild(frame);

  const comp = renderPage(route, query);
  const instance = comp.instance as unknown as PageInstance;
  instance.route = route;
  instance.options = { ...query };
  const title = config.navigationBarTitleText ?? (app.window.navigationBarTitleText as string | undefined) ?? '';
  const entry: PageEntry = { route, query, config, title, comp, instance, frame };
  stack.push(entry);
  comp.attach(pageElement); // created → attached → ready of the whole tree
  watchScroll(entry);
  changed();
  call(entry, 'onLoad', { ...query });
  show(entry);
  call(entry, 'onReady');
  changed();
  return entry;
}

export function navigateTo(url: string): void {
  const { route, query } = parseUrl(url);
  if (isTabPage(route)) throw new NavigationError('can not navigateTo a tabbar page');
  if (stack.length >= MAX_PAGES) throw new NavigationError(`webview count limit exceed (${MAX_PAGES})`);
  const previous = topPage();
  if (!app.routes.includes(route)) throw new NavigationError(`page "${route}" is not found`);
  if (previous) hide(previous);
  open(route, query);
}

export function redirectTo(url: string): void {
  const { route, query } = parseUrl(url);
  if (isTabPage(route)) throw new NavigationError('can not redirectTo a tabbar page');
  if (!app.routes.includes(route)) throw new NavigationError(`page "${route}" is not found`);
  const previous = stack.pop();
  if (previous) unload(previous);
  open(route, query);
}

export function navigateBack(delta = 1): void {
  if (stack.length <= 1) throw new NavigationError('cannot navigate back at first page');
  const count = Math.min(Math.max(1, delta), stack.length - 1);
  for (let i = 0; i < count; i++) unload(stack.pop()!);
  const top = topPage()!;
  show(top);
  changed();
}

function closeAll(): void {
  while (stack.length) unload(stack.pop()!);
  for (const entry of tabPages.values()) unload(entry);
  tabPages.clear();
}

export function reLaunch(url: string): void {
  const { route, query } = parseUrl(url);
  if (!app.routes.includes(route)) throw new NavigationError(`page "${route}" is not found`);
  closeAll();
  const entry = open(route, query);
  if (isTabPage(route)) tabPages.set(route, entry);
}

export function switchTab(url: string): void {
  const { route } = parseUrl(url);
  if (!isTabPage(route)) throw new NavigationError('can not switch to no-tabBar page');
  const current = topPage();
  // Every page that is not a tab page closes; tab pages stay alive, hidden.
  while (stack.length) {
    const entry = stack.pop()!;
    if (isTabPage(entry.route) && tabPages.get(entry.route) === entry) {
      if (entry === current && entry.route !== route) hide(entry);
    } else unload(entry);
  }
  const existing = tabPages.get(route);
  if (existing) {
    stack.push(existing);
    if (existing !== current) show(existing);
    changed();
    return;
  }
  tabPages.set(route, open(route, {}));
}

export function setTitle(title: string): void {
  const top = topPage();
  if (top) top.title = title;
  changed();
}

/** Elements of a page matching a WXML class (".name", rendered as "<tag>--name") or id ("#name"). */
function findInPage(entry: PageEntry, selector: string): Element | undefined {
  const name = selector.slice(1);
  if (selector.startsWith('#')) return entry.frame.querySelector(`#${CSS.escape(name)}`) ?? undefined;
  return [...entry.frame.querySelectorAll('[class]')].find((el) => [...el.classList].some((c) => c === name || c.endsWith(`--${name}`)));
}

/** pageScrollTo: to an offset, or to the first element matching a class or id selector. */
export function pageScrollTo(options: { scrollTop?: number; duration?: number; selector?: string }): void {
  const top = topPage();
  if (!top) return;
  let offset = options.scrollTop ?? 0;
  const found = options.selector ? findInPage(top, options.selector) : undefined;
  if (found) offset = found.getBoundingClientRect().top - top.frame.getBoundingClientRect().top + top.frame.scrollTop;
  top.frame.scrollTo({ top: offset, behavior: (options.duration ?? 300) > 0 ? 'smooth' : 'instant' });
}

export function firstRoute(): string {
  return (app.entryPagePath ?? app.routes[0] ?? '').replace(/^\/+/, '');
}
