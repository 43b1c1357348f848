// Helpers for driving the mini-program in the preview's phone frame, shared by the end-to-end tests.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(PROJECT_ROOT, 'screenshots');
/** Where the end-to-end tests build the preview (not .build/preview, which `npm start` may be serving). */
export const E2E_PREVIEW_DIR = join(PROJECT_ROOT, '.build', 'preview-e2e');

/** The page on top of the stack (pages underneath stay in the DOM, hidden). */
export const current = (page: Page): Locator => page.locator('.wx-page-frame:not([hidden])');
export const navTitle = (page: Page): Locator => page.locator('#wx-nav-title');

export async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Retries an assertion until it holds or `timeout` ms pass, then throws its last failure. */
export async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Clicks a Vant button of the current page by its text (the wx-button element takes the click). */
export async function tapButton(page: Page, text: string | RegExp): Promise<void> {
  const button = current(page).locator('wx-button', { hasText: text }).first();
  await button.waitFor({ state: 'visible' });
  await button.click();
}

/** The phone as a person sees it: transitions settled, the window scrolled back to the phone. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}
