// One look at the page on screen, as an older resident or a screen-reader user meets it: contrast of
// every text, a name for every control, targets a finger can hit, nothing cut off — and a full
// screenshot for a person to look at. Problems are collected per screen, so one run shows them all.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { contrastProblems, overflowProblems, targetProblems, unnamedControls } from './a11y';
import { SCREENSHOTS } from './phone';

export interface Mode {
  name: 'normal' | 'care';
  /** Turned on with the home page's switch. */
  care: boolean;
  /** The smallest touch target, CSS px. */
  minTarget: number;
}

export const MODES: Mode[] = [
  { name: 'normal', care: false, minTarget: 44 },
  { name: 'care', care: true, minTarget: 60 },
];

/** What is shown on the phone: the visible page and anything WeChat draws over it. */
export const ON_SCREEN = '.wx-page-frame:not([hidden]), .wx-modal, .wx-action-sheet, .wx-toast';
/** What the app paints: WeChat's own dialogs and sheets keep WeChat's colours and sizes, which the app cannot set. */
const APP_PAINTED = '.wx-page-frame:not([hidden])';

export interface Audit {
  /**
   * Looks at the screen now: records its problems under `screen` and saves its screenshot — of the
   * whole page, top to bottom, or with `overlay` (a sheet or dialog is open) of the phone as it is.
   */
  look(screen: string, options?: { overlay?: boolean }): Promise<void>;
  /** Every screen looked at, with its problems (an empty list for a screen without any). */
  readonly found: Record<string, string[]>;
}

export function audit(page: Page, mode: Mode, width: number): Audit {
  const dir = join(SCREENSHOTS, 'pages', `${mode.name}-${width}`);
  mkdirSync(dir, { recursive: true });
  const found: Record<string, string[]> = {};
  return {
    found,
    async look(screen, { overlay = false } = {}) {
      await page.waitForTimeout(400); // transitions settle
      const problems = [
        ...(await contrastProblems(page, { root: APP_PAINTED })).problems,
        ...(await unnamedControls(page)),
        ...(await targetProblems(page, { root: APP_PAINTED, min: mode.minTarget })),
        ...(await overflowProblems(page, { root: ON_SCREEN })),
      ];
      found[screen] = problems.map((problem) => problem.describe);
      await shootPhone(page, join(dir, `${screen}.png`), !overlay);
    },
  };
}

/** The phone alone; `whole` makes it as tall as the page on it for the picture, then puts it back. */
async function shootPhone(page: Page, path: string, whole: boolean): Promise<void> {
  const phone = page.locator('.phone');
  if (!whole) return void (await phone.screenshot({ path }));
  await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('.phone')!;
    const frame = document.querySelector<HTMLElement>('.wx-page-frame:not([hidden])')!;
    box.style.height = `${box.offsetHeight - frame.clientHeight + frame.scrollHeight}px`;
  });
  await page.waitForTimeout(100);
  await phone.screenshot({ path });
  await page.evaluate(() => document.querySelector<HTMLElement>('.phone')!.style.removeProperty('height'));
}
