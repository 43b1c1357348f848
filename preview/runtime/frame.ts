// The phone around the mini-program: status bar, navigation bar (back button, title, WeChat's
// capsule), the page viewport, an optional tab bar, and a layer for toasts, dialogs and sheets.
import { NAV_BAR_HEIGHT, SCREEN_WIDTH, STATUS_BAR_HEIGHT, setMeasure } from './screen';

export interface Frame {
  screen: HTMLElement;
  statusBar: HTMLElement;
  navBar: HTMLElement;
  backButton: HTMLButtonElement;
  homeButton: HTMLButtonElement;
  title: HTMLElement;
  viewport: HTMLElement;
  tabBar: HTMLElement;
  overlays: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  parent?.appendChild(el);
  return el;
}

const BACK_ICON = '<svg viewBox="0 0 12 24" width="12" height="24" aria-hidden="true"><path d="M10 3 2 12l8 9" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
const HOME_ICON =
  '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M4 11 12 4l8 7v9h-5v-6H9v6H4z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>';

const STATUS_ICONS =
  '<svg viewBox="0 0 18 12" width="18" height="12" aria-hidden="true"><g fill="currentColor"><rect x="0" y="8" width="3" height="4" rx="1"/><rect x="5" y="5.5" width="3" height="6.5" rx="1"/><rect x="10" y="3" width="3" height="9" rx="1"/><rect x="15" y="0" width="3" height="12" rx="1"/></g></svg>' +
  '<svg viewBox="0 0 16 12" width="16" height="12" aria-hidden="true"><path d="M8 11.5 5.6 9a3.4 3.4 0 0 1 4.8 0zM3.5 6.9a6.4 6.4 0 0 1 9 0l-1.4 1.4a4.4 4.4 0 0 0-6.2 0zM1.3 4.7a9.5 9.5 0 0 1 13.4 0l-1.4 1.4a7.5 7.5 0 0 0-10.6 0z" fill="currentColor"/></svg>' +
  '<svg viewBox="0 0 27 12" width="27" height="12" aria-hidden="true"><rect x="0.5" y="0.5" width="23" height="11" rx="3" fill="none" stroke="currentColor" opacity="0.45"/><rect x="2" y="2" width="20" height="8" rx="2" fill="currentColor"/><path d="M25 4v4a2 2 0 0 0 0-4z" fill="currentColor" opacity="0.45"/></svg>';

let frame: Frame | undefined;

export function createFrame(host: HTMLElement): Frame {
  host.style.setProperty('--screen-width', `${SCREEN_WIDTH}px`);
  const screen = element('div', 'wx-screen', host);
  const statusBar = element('div', 'wx-status-bar', screen);
  statusBar.style.height = `${STATUS_BAR_HEIGHT}px`;
  statusBar.innerHTML = `<span class="wx-status-bar__time">9:41</span><span class="wx-status-bar__icons">${STATUS_ICONS}</span>`;

  const navBar = element('div', 'wx-nav-bar', screen);
  navBar.style.height = `${NAV_BAR_HEIGHT}px`;
  const backButton = element('button', 'wx-nav-bar__back', navBar);
  backButton.type = 'button';
  backButton.title = '返回';
  backButton.setAttribute('aria-label', '返回');
  backButton.innerHTML = BACK_ICON;
  const homeButton = element('button', 'wx-nav-bar__home', navBar);
  homeButton.type = 'button';
  homeButton.title = '首页';
  homeButton.setAttribute('aria-label', '首页');
  homeButton.innerHTML = HOME_ICON;
  const title = element('div', 'wx-nav-bar__title', navBar);
  title.id = 'wx-nav-title';
  const capsule = element('div', 'wx-capsule', navBar);
  capsule.innerHTML = '<span class="wx-capsule__more">•••</span><span class="wx-capsule__divider"></span><span class="wx-capsule__close"></span>';
  capsule.title = '小程序菜单（预览中不可用）';

  const viewport = element('div', 'wx-viewport', screen);
  const tabBar = element('div', 'wx-tab-bar', screen);
  tabBar.hidden = true;
  const overlays = element('div', 'wx-overlays', screen);

  frame = { screen, statusBar, navBar, backButton, homeButton, title, viewport, tabBar, overlays };
  setMeasure(() => ({ screenHeight: Math.round(screen.clientHeight), windowHeight: Math.round(viewport.clientHeight) }));
  return frame;
}

export function currentFrame(): Frame {
  if (!frame) throw new Error('preview: the phone frame is not created yet');
  return frame;
}
