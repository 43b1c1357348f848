// Renders a page with miniprogram-simulate: simulate.load() once per route (its components and
// WXSS registered under the page's own tag), then simulate.render() for every page instance.
// Styles follow WeChat's isolation: app.wxss and the page's WXSS style the page, and also every
// component that opts in (addGlobalClass, or styleIsolation apply-shared/shared — all of Vant);
// other components see only their own WXSS.
import { TAG, appWxss, files } from 'preview:app';
import type { RootComponent } from 'j-component';
import { utils as jComponentUtils } from '../vendor/j-component.cjs';
import simulate from 'miniprogram-simulate';
import { definitionOf } from './modules';
import { inLoadGroup } from './relations';
import { rpxToPx } from './rpx';

export interface PageConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
  disableScroll?: boolean;
  onReachBottomDistance?: number;
}

const loaded = new Map<string, string>();
const sharedStyles = new Map<string, HTMLStyleElement>();

/** "pages/home/index" → "page--pages-home-index": the page root's tag and its class prefix. */
export const pageTag = (route: string): string => `page--${route.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export function pageConfig(route: string): PageConfig {
  const json = files[`/${route}.json`];
  return json ? (JSON.parse(json) as PageConfig) : {};
}

let appStyle: HTMLStyleElement | undefined;
function addAppWxss(tag: string): void {
  if (!appStyle) {
    appStyle = document.createElement('style');
    appStyle.dataset.appWxss = '';
    // Before every component's style: app.wxss loses ties to the page's own WXSS, as in WeChat.
    const firstComponentStyle = document.head.querySelector('style[data-component]');
    if (firstComponentStyle) firstComponentStyle.before(appStyle);
    else document.head.appendChild(appStyle);
  }
  appStyle.textContent += rpxToPx(appWxss.split(TAG).join(tag));
}

function sharesPageStyles(path: string): boolean {
  const options = (definitionOf(path)?.options ?? {}) as { addGlobalClass?: boolean; styleIsolation?: string };
  const json = JSON.parse(files[`${path}.json`] ?? '{}') as { styleIsolation?: string };
  const isolation = options.styleIsolation ?? json.styleIsolation;
  return isolation === 'apply-shared' || isolation === 'shared' || (isolation === undefined && options.addGlobalClass === true);
}

/** app.wxss and the page's WXSS once more for each component of the page that takes page styles. */
function addSharedStyles(route: string, group: ReadonlyMap<string, string>): void {
  const templates = appWxss + (files[`/${route}.wxss`] ?? '');
  const tags = new Set<string>();
  for (const [path, id] of group) {
    const tag = jComponentUtils.getTagName(id);
    if (tag && path !== route && sharesPageStyles(`/${path}`)) tags.add(tag);
  }
  if (!tags.size) return;
  const style = document.createElement('style');
  style.dataset.sharedWith = route;
  // Nested under this page's frame (adding no specificity): one page's WXSS never reaches another's.
  const css = [...tags].map((tag) => templates.split(TAG).join(tag)).join('\n');
  style.textContent = `:where(.wx-page-frame[data-route="${route}"]) {\n${rpxToPx(css)}\n}`;
  sharedStyles.set(route, style);
}

export function renderPage(route: string, query: Record<string, string>): RootComponent {
  let id = loaded.get(route);
  if (!id) {
    const tag = pageTag(route);
    addAppWxss(tag);
    const { result, group } = inLoadGroup(() => simulate.load(`/${route}`, tag, { compiler: 'official', rootPath: '/' }));
    id = result;
    addSharedStyles(route, group);
    loaded.set(route, id);
  }
  // WeChat also sets query values on same-named properties of a Component()-built page.
  const comp = simulate.render(id, { ...query });
  // render() (re)inserts the components' own WXSS last; page styles shared with them go after it,
  // so a page's overrides of Vant's classes win ties, as developers write them to.
  const shared = sharedStyles.get(route);
  if (shared) document.head.appendChild(shared);
  return comp;
}
