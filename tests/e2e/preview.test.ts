// The browser preview end to end: the real local host (API + preview on one origin, fresh store)
// and the real mini-program in Chromium at phone width, used with mouse and keyboard as a developer
// would — home page, the declaration entry, the identity step with the development face check,
// the notice step, and back. Screenshots land in screenshots/ for a person to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { start, type Started } from '../../server/local/main';
import { openBrowser, type OpenBrowser } from './browser';
import { E2E_PREVIEW_DIR, current as currentOf, eventually, expectVisible, navTitle as navTitleOf, screenshot as screenshotOf } from './phone';
jest.setTimeout(90_000);

let host: Started;
let browser: OpenBrowser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
  host = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PREVIEW_DIR: E2E_PREVIEW_DIR, APP_NOW: '2026-09-01T09:00:00+08:00' }, true);
  browser = await openBrowser({ width: 375, height: 812, deviceScaleFactor: 2 });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const current = (): Locator => currentOf(page);
const navTitle = (): Locator => navTitleOf(page);
const screenshot = (name: string) => screenshotOf(page, name);

test('the home page renders with its Chinese text, Vant styles and icons', async () => {
  await page.goto(`${host.url}/`);
  await expectVisible(current().getByText('我的居住状态', { exact: true }));
  await expectVisible(current().getByText('办理事项', { exact: true }));
  expect(await navTitle().textContent()).toBe('长沙居住证');

  // Vant's WXSS is scoped and applied: an inset cell group is a rounded card of white cells.
  const group = current().locator('[class*="van-cell-group--inset"]').first();
  expect(await group.evaluate((el) => [getComputedStyle(el).borderTopLeftRadius, getComputedStyle(el).marginLeft])).toEqual(['8px', '16px']);
  const cell = group.locator('[class~="van-cell--van-cell"]').first();
  expect(await cell.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).paddingLeft])).toEqual(['rgb(255, 255, 255)', '16px']);
  // The icon font is the inlined copy, loaded without the network.
  expect(await page.evaluate(async () => (await document.fonts.load('16px vant-icon')).length)).toBeGreaterThan(0);
  // rpx follows the 375 px screen (app.wxss's 32rpx spacing is 16 px), and rem the page's own root
  // font size, 16 px in normal mode (its 0.9375rem body text is 15 px).
  const title = current().locator('[class*="section-title"]').first();
  expect(await title.evaluate((el) => getComputedStyle(el).paddingLeft)).toBe('16px');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
  const pageFont = await current()
    .locator('wx-page')
    .evaluate((el) => getComputedStyle(el).fontSize);
  expect(pageFont).toBe('15px');

  await screenshot('preview-home.png');
});

test('the declaration: identity step, development face check, notice step, and back', async () => {
  await current()
    .getByText(/^居住信息申报/)
    .first()
    .click();
  await eventually(async () => expect(await navTitle().textContent()).toBe('居住信息申报'));
  await expectVisible(page.locator('.wx-nav-bar__back'));

  const name = current().getByPlaceholder('与身份证一致');
  await name.click();
  await page.keyboard.type('李晓梅');
  const idNumber = current().getByPlaceholder('18 位，末位可为 X');
  await idNumber.click();
  await page.keyboard.type('430104199003071237');
  await page.keyboard.press('Tab');
  expect(await name.inputValue()).toBe('李晓梅');
  expect(await idNumber.inputValue()).toBe('430104199003071237');

  await current().getByText('我同意将本人的姓名和公民身份号码用于人脸识别验证').click();
  const startButton = current().locator('wx-button', { hasText: '开始人脸识别验证' });
  await eventually(async () => expect(await startButton.getAttribute('class')).not.toContain('disabled'));
  await screenshot('preview-identity.png');
  await startButton.click();

  const sheet = page.locator('.wx-action-sheet');
  await expectVisible(sheet.getByText('开发环境：选择人脸识别结果'));
  await sheet.getByText('模拟：本人验证通过').click();
  await expectVisible(current().getByText('我已阅读并同意', { exact: false }));
  await expectVisible(current().locator('wx-button', { hasText: '同意，开始申请' }));
  await screenshot('preview-notice.png');

  await page.locator('.wx-nav-bar__back').click();
  await eventually(async () => expect(await navTitle().textContent()).toBe('长沙居住证'));
  await expectVisible(current().getByText('我的居住状态', { exact: true }));
  expect(await page.locator('.wx-page-frame').count()).toBe(1);
  expect(await page.locator('.wx-nav-bar__back').isVisible()).toBe(false);
});

test('the panel’s restart leaves nothing the previous run drew over the page', async () => {
  await page.evaluate(() => {
    const wx = (globalThis as unknown as { wx: { showToast(o: object): void; showModal(o: object): void } }).wx;
    wx.showToast({ title: '上一个身份的提示', duration: 60_000 });
    wx.showModal({ title: '上一个身份的对话框' });
  });
  await expectVisible(page.locator('.wx-toast'));
  await expectVisible(page.locator('.wx-modal'));
  await page.locator('.dev-panel button', { hasText: '重新启动' }).click();
  await expectVisible(current().getByText('我的居住状态', { exact: true }));
  expect(await page.locator('.wx-toast, .wx-modal').count()).toBe(0);
});

test('nothing failed in the page', () => {
  expect(browser.errors).toEqual([]);
});
