// The preview's large-text and accessibility rendering in Chromium: <page-meta root-font-size> drives
// rem for the page on top (and the revealed page's value after navigateBack), WXML aria-* and the
// built-ins' own roles show in Chromium's accessibility tree, and the panel's 字体大小 is what
// wx.getAppBaseInfo() reports. A small fixture mini-program, written and built here, holds exactly
// the markup under test; the real app is then checked for the same root font size from its page-meta.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { start, type Started } from '../../server/local/main';
import { openBrowser, type OpenBrowser } from './browser';
import { E2E_PREVIEW_DIR, PROJECT_ROOT, current, eventually, expectVisible } from './phone';
jest.setTimeout(120_000);

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

const FIXTURE: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/first/index', 'pages/second/index', 'pages/plain/index', 'pages/system/index'],
    window: { navigationBarTitleText: '无障碍样例' },
  }),
  'app.js': 'App({});',
  'pages/first/index.json': JSON.stringify({ usingComponents: { 'van-icon': '@vant/weapp/icon/index' } }),
  'pages/first/index.js': "Component({ data: { rootFontSize: '', on: false }, methods: { onLoad() { this.setData({ rootFontSize: '20px' }); } } });",
  'pages/first/index.wxml': `<page-meta root-font-size="{{rootFontSize}}" />
<view class="probe" style="width: 10rem">rem</view>
<view class="close" aria-role="button" aria-label="关闭">×</view>
<button class="submit">提交申请</button>
<button class="off" disabled>暂不可用</button>
<navigator url="/pages/second/index">下一页</navigator>
<image class="named" src="${PIXEL}" aria-label="居住证样张" />
<image class="decoration" src="${PIXEL}" />
<switch class="native-switch" checked />
<view class="care" aria-role="switch" aria-checked="{{on}}" aria-label="关怀模式">关怀</view>
<input class="name" aria-label="姓名" />
<view class="hidden-view" aria-hidden="true">不该读出</view>
<van-icon name="arrow" aria-hidden="true" />`,
  'pages/second/index.json': '{}',
  'pages/second/index.js': 'Component({});',
  'pages/second/index.wxml': '<page-meta root-font-size="26px" />\n<view class="probe" style="width: 10rem">rem</view>',
  'pages/plain/index.json': '{}',
  'pages/plain/index.js': 'Component({});',
  'pages/plain/index.wxml': '<view class="probe" style="width: 10rem">rem</view>',
  'pages/system/index.json': '{}',
  'pages/system/index.js': 'Component({});',
  'pages/system/index.wxml': '<page-meta root-font-size="system" />\n<view class="probe" style="width: 10rem">rem</view>',
};

/** Builds the fixture the way scripts/build-preview.mjs builds the app (its modules are ESM, so in a child node). */
function buildFixture(root: string, outDir: string): void {
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  symlinkSync(join(PROJECT_ROOT, 'miniprogram', 'miniprogram_npm'), join(root, 'miniprogram_npm'), 'dir');
  const module = (path: string) => JSON.stringify(pathToFileURL(join(PROJECT_ROOT, path)).href);
  const script = `
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appModule } from ${module('preview/build/app-module.mjs')};
import { previewPlugin } from ${module('preview/build/esbuild-plugin.mjs')};
import { vantIconFontFace } from ${module('preview/build/icons.mjs')};
const projectRoot = process.env.PROJECT_ROOT, miniprogramRoot = process.env.FIXTURE_ROOT, outdir = process.env.FIXTURE_OUT;
const generated = appModule(miniprogramRoot, '3.0.0');
await build({
  entryPoints: { app: join(projectRoot, 'preview/runtime/main.ts'), panel: join(projectRoot, 'preview/panel/main.ts') },
  outdir, bundle: true, format: 'iife', platform: 'browser', target: 'chrome110', charset: 'utf8', logLevel: 'warning',
  tsconfig: join(projectRoot, 'tsconfig.json'),
  define: { global: 'globalThis', 'process.env.NODE_ENV': '"development"' },
  plugins: [previewPlugin({ projectRoot, miniprogramRoot, appSource: () => generated.source, iconCss: vantIconFontFace })],
});
writeFileSync(join(outdir, 'index.html'), readFileSync(join(projectRoot, 'preview/static/index.html'), 'utf8').replaceAll('%TITLE%', '无障碍样例'));
`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PROJECT_ROOT, FIXTURE_ROOT: root, FIXTURE_OUT: outDir },
    stdio: 'inherit',
  });
}

interface AxNode {
  role: string;
  name: string;
  ignored: boolean;
  properties: Record<string, unknown>;
}

/** Chromium's accessibility tree of the whole page, as a screen reader gets it. */
async function axTree(browser: OpenBrowser, page: Page): Promise<AxNode[]> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean; properties?: { name: string; value: { value: unknown } }[] }[];
    };
    return nodes.map((node) => ({
      role: node.role?.value ?? '',
      name: node.name?.value ?? '',
      ignored: node.ignored,
      properties: Object.fromEntries((node.properties ?? []).map((property) => [property.name, property.value.value])),
    }));
  } finally {
    await cdp.detach();
  }
}

const rootFontSize = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
/** The width of the current page's 10rem probe, in px. */
const probeWidth = (page: Page): Promise<number> =>
  current(page)
    .locator('wx-view[class*="probe"]')
    .evaluate((el) => el.getBoundingClientRect().width);

/** Runs `fn` with the page's wx (the preview installs it on window, as the mini-program sees it). */
const withWx = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async (wx) => (${fn})(wx))(globalThis.wx)`) as Promise<T>;

/** The chrome around the page, in px: the nav title, the panel and its headings, the status bar. */
const chromeSizes = (page: Page): Promise<string[]> =>
  page.evaluate(() => [
    getComputedStyle(document.querySelector('#wx-nav-title')!).fontSize,
    getComputedStyle(document.querySelector('.dev-panel')!).fontSize,
    getComputedStyle(document.querySelector('.dev-panel__heading')!).fontSize,
    getComputedStyle(document.querySelector('.wx-status-bar')!).fontSize,
  ]);

describe('a fixture mini-program', () => {
  let host: Started;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'preview-a11y-'));
    buildFixture(join(dir, 'app'), join(dir, 'preview'));
    host = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PREVIEW_DIR: join(dir, 'preview') }, true);
    browser = await openBrowser({ width: 1100, height: 900 });
    page = browser.page;
    await page.goto(`${host.url}/`);
    await expectVisible(current(page).locator('wx-view[class*="close"]'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('page-meta sets rem for the page on top; the revealed page’s value applies after navigateBack', async () => {
    const chrome = await chromeSizes(page);
    await eventually(async () => expect(await rootFontSize(page)).toBe('20px'));
    expect(await probeWidth(page)).toBe(200);
    await expect(current(page).locator('wx-page-meta').isVisible()).resolves.toBe(false);

    await withWx(page, `(wx) => wx.navigateTo({ url: '/pages/second/index' })`);
    await eventually(async () => expect(await rootFontSize(page)).toBe('26px'));
    expect(await probeWidth(page)).toBe(260);
    // The phone's chrome and the panel stay as they were.
    expect(await chromeSizes(page)).toEqual(chrome);

    await page.locator('.wx-nav-bar__back').click();
    await eventually(async () => expect(await rootFontSize(page)).toBe('20px'));
    expect(await probeWidth(page)).toBe(200);

    // An empty value (before the page's data is set) and a page without page-meta: WeChat's default,
    // 1rem = 1/20 of the screen width.
    await page.evaluate(() => (globalThis as unknown as { getCurrentPages(): { setData(d: object): void }[] }).getCurrentPages()[0]!.setData({ rootFontSize: '' }));
    await eventually(async () => expect(await rootFontSize(page)).toBe('18.75px'));
    await withWx(page, `(wx) => wx.navigateTo({ url: '/pages/plain/index' })`);
    await eventually(async () => expect(await probeWidth(page)).toBe(187.5));
    expect(await rootFontSize(page)).toBe('18.75px');
    await withWx(page, `(wx) => wx.reLaunch({ url: '/pages/first/index' })`);
    await eventually(async () => expect(await rootFontSize(page)).toBe('20px'));
  });

  test('WXML aria-* and the built-ins’ own roles reach Chromium’s accessibility tree', async () => {
    const tree = await axTree(browser, page);
    const shown = tree.filter((node) => !node.ignored);
    const find = (role: string, name: string) => shown.find((node) => node.role === role && node.name === name);

    expect(find('button', '关闭')).toBeDefined();
    expect(find('button', '提交申请')).toBeDefined();
    expect(find('button', '暂不可用')?.properties.disabled).toBe(true);
    expect(find('link', '下一页')).toBeDefined();
    expect(find('image', '居住证样张')).toBeDefined();
    expect(find('textbox', '姓名')).toBeDefined();
    expect(find('switch', '关怀模式')?.properties.checked).toBe('false');
    expect(shown.find((node) => node.role === 'switch' && node.name !== '关怀模式')?.properties.checked).toBe('true');
    // An image without a label is decoration, and aria-hidden takes a view out of the tree.
    expect(shown.filter((node) => node.role === 'image')).toHaveLength(1);
    expect(shown.some((node) => node.name.includes('不该读出'))).toBe(false);

    // A WXML value that changes reaches the DOM again.
    await page.evaluate(() => (globalThis as unknown as { getCurrentPages(): { setData(d: object): void }[] }).getCurrentPages()[0]!.setData({ on: true }));
    await eventually(async () => expect(await current(page).locator('wx-view[class*="care"]').getAttribute('aria-checked')).toBe('true'));
    const after = await axTree(browser, page);
    expect(after.find((node) => !node.ignored && node.role === 'switch' && node.name === '关怀模式')?.properties.checked).toBe('true');
  });

  test('the panel’s 字体大小 is the phone’s fontSizeSetting, remembered, and relaunches at home', async () => {
    const select = page.getByRole('combobox', { name: '字体大小' });
    expect(await select.inputValue()).toBe('16');
    expect(await withWx<number>(page, '(wx) => wx.getAppBaseInfo().fontSizeSetting')).toBe(16);

    await withWx(page, `(wx) => wx.navigateTo({ url: '/pages/second/index' })`);
    await eventually(async () => expect(await page.locator('.wx-page-frame').count()).toBe(2));
    await page.locator('select[name="font-size"]').selectOption('22');
    // Relaunched: only the home page is open.
    await eventually(async () => expect(await page.locator('.wx-page-frame').count()).toBe(1));
    expect(await current(page).getAttribute('data-route')).toBe('pages/first/index');
    expect(await withWx<number[]>(page, '(wx) => [wx.getAppBaseInfo().fontSizeSetting, wx.getSystemInfoSync().fontSizeSetting]')).toEqual([22, 22]);
    expect(await withWx<number>(page, '(wx) => new Promise((resolve) => wx.getSystemInfoAsync({ success: (info) => resolve(info.fontSizeSetting) }))')).toBe(22);

    // root-font-size="system" follows it.
    await withWx(page, `(wx) => wx.navigateTo({ url: '/pages/system/index' })`);
    await eventually(async () => expect(await rootFontSize(page)).toBe('22px'));

    await page.reload();
    await expectVisible(current(page).locator('wx-view[class*="close"]'));
    expect(await page.locator('select[name="font-size"]').inputValue()).toBe('22');
    expect(await withWx<number>(page, '(wx) => wx.getAppBaseInfo().fontSizeSetting')).toBe(22);
    // Clearing the mini-program's storage leaves the phone's setting.
    await page.evaluate(() => (globalThis as unknown as { wx: { clearStorageSync(): void } }).wx.clearStorageSync());
    expect(await withWx<number>(page, '(wx) => wx.getAppBaseInfo().fontSizeSetting')).toBe(22);
  });

  test('nothing failed in the page', () => {
    expect(browser.errors).toEqual([]);
  });
});

describe('the app', () => {
  let host: Started;
  let browser: OpenBrowser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'preview-a11y-app-'));
    host = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PREVIEW_DIR: E2E_PREVIEW_DIR, APP_NOW: '2026-09-01T09:00:00+08:00' }, true);
    browser = await openBrowser({ width: 1100, height: 900 });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the home page’s page-meta sets rem, and the panel’s 字体大小 reaches the app', async () => {
    await page.goto(`${host.url}/`);
    await current(page).locator('wx-page-meta').waitFor({ state: 'attached', timeout: 15_000 });
    // The value comes from the page's page-meta, not the default of a page without one.
    await eventually(async () => expect(await rootFontSize(page)).toMatch(/^\d+px$/));
    expect(await rootFontSize(page)).not.toBe('18.75px');

    await page.locator('select[name="font-size"]').selectOption('20');
    await eventually(async () => expect(await withWx<number>(page, '(wx) => wx.getAppBaseInfo().fontSizeSetting')).toBe(20));
    await current(page).locator('wx-page-meta').waitFor({ state: 'attached' });
    expect(await page.locator('#wx-nav-title').evaluate((el) => getComputedStyle(el).fontSize)).toBe('17px');
    expect(await page.locator('.dev-panel').evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');
  });

  test('nothing failed in the page', () => {
    expect(browser.errors).toEqual([]);
  });
});
