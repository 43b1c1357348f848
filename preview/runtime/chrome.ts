// Keeps the navigation bar and tab bar in step with the page on top: its title and colours (page
// JSON, then app.json window), a back button when there is a page to go back to, a home button
// when the only page is not the first one, and the tab bar on tab pages.
import { app } from 'preview:app';
import { currentFrame } from './frame';
import type { PageEntry } from './router';

interface ChromeActions {
  back(): void;
  home(): void;
  switchTab(route: string): void;
}
let actions: ChromeActions | undefined;

export function connectChrome(handlers: ChromeActions): void {
  actions = handlers;
  const frame = currentFrame();
  frame.backButton.onclick = () => actions?.back();
  frame.homeButton.onclick = () => actions?.home();
}

const windowConfig = app.window as Record<string, string | undefined>;

export function updateChrome(stack: readonly PageEntry[]): void {
  const frame = currentFrame();
  const top = stack[stack.length - 1];
  if (!top) return;
  const config = { ...windowConfig, ...(top.config as Record<string, string | undefined>) };
  const background = config.navigationBarBackgroundColor ?? '#f7f7f7';
  const foreground = config.navigationBarTextStyle === 'white' ? '#ffffff' : '#000000';
  for (const bar of [frame.statusBar, frame.navBar]) {
    bar.style.backgroundColor = background;
    bar.style.color = foreground;
  }
  frame.navBar.dataset.text = config.navigationBarTextStyle === 'white' ? 'white' : 'black';
  frame.navBar.hidden = config.navigationStyle === 'custom';
  frame.title.textContent = top.title;
  document.title = top.title ? `${top.title} · 浏览器预览` : '浏览器预览';
  frame.backButton.hidden = stack.length <= 1;
  const first = (app.entryPagePath ?? app.routes[0] ?? '').replace(/^\/+/, '');
  const tabs = app.tabBar?.list ?? [];
  const onTab = tabs.some((tab) => tab.pagePath.replace(/^\/+/, '') === top.route);
  frame.homeButton.hidden = stack.length > 1 || top.route === first || onTab;
  renderTabBar(top.route, onTab);
}

function renderTabBar(route: string, visible: boolean): void {
  const frame = currentFrame();
  const tabBar = app.tabBar;
  frame.tabBar.hidden = !tabBar || tabBar.custom === true || !visible;
  if (!tabBar || frame.tabBar.hidden) return;
  frame.tabBar.style.backgroundColor = tabBar.backgroundColor ?? '#ffffff';
  frame.tabBar.style.borderTopColor = tabBar.borderStyle === 'white' ? '#ffffff' : 'rgba(0,0,0,0.12)';
  frame.tabBar.replaceChildren(
    ...tabBar.list.map((tab) => {
      const target = tab.pagePath.replace(/^\/+/, '');
      const selected = target === route;
      const item = document.createElement('button');
      item.type = 'button';
      item.className = `wx-tab-bar__item${selected ? ' wx-tab-bar__item--selected' : ''}`;
      item.style.color = (selected ? tabBar.selectedColor : tabBar.color) ?? (selected ? '#07c160' : '#7a7e83');
      const icon = selected ? (tab.selectedIconPath ?? tab.iconPath) : tab.iconPath;
      if (icon) {
        const img = document.createElement('img');
        img.src = `/app/${icon.replace(/^\/+/, '')}`;
        img.alt = '';
        item.appendChild(img);
      }
      item.appendChild(document.createTextNode(tab.text));
      item.onclick = () => actions?.switchTab(target);
      return item;
    }),
  );
}
