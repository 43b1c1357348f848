// Renders a page with miniprogram-simulate: simulate.load() once per route (its components and
// WXSS registered under the page's own tag), then simulate.render() for every page instance.
// app.wxss is scoped to each page's tag, so it styles pages and not components, as in WeChat.
import { TAG, appWxss, files } from 'preview:app';
import type { RootComponent } from 'j-component';
import simulate from 'miniprogram-simulate';
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
    document.head.querySelector('style[data-component]')?.before(appStyle) ?? document.head.appendChild(appStyle);
  }
  appStyle.textContent += rpxToPx(appWxss.split(TAG).join(tag));
}

export function renderPage(route: string, query: Record<string, string>): RootComponent {
  let id = loaded.get(route);
  if (!id) {
    const tag = pageTag(route);
    addAppWxss(tag);
    id = inLoadGroup(() => simulate.load(`/${route}`, tag, { compiler: 'official', rootPath: '/' }));
    loaded.set(route, id);
  }
  // WeChat also sets query values on same-named properties of a Component()-built page.
  return simulate.render(id, { ...query });
}
