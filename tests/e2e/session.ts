// One end-to-end session: the real local host (fresh data, its clock set) serving the preview, and
// Chromium at phone width on its home page, with real image files to pick.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { start } from '../../server/local/main';
import { PNG_BYTES } from '../support/images';
import { openBrowser, type OpenBrowser } from './browser';
import { E2E_PREVIEW_DIR } from './phone';

export interface Session {
  page: Page;
  browser: OpenBrowser;
  /** PNG files on disk, for the file chooser. */
  photos: string[];
  /** The local host's address, for setting up what a journey starts from through its API. */
  url: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The phone's width in CSS px (the preview's screen follows a window narrower than 375 px). */
  width?: number;
}

export async function openSession(appNow: string, photoCount = 3, { width = 375 }: SessionOptions = {}): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const photos = Array.from({ length: photoCount }, (_, i) => {
    const path = join(dir, `photo-${i + 1}.png`);
    writeFileSync(path, PNG_BYTES);
    return path;
  });
  const host = await start({ PORT: '0', DATA_DIR: join(dir, 'data'), PREVIEW_DIR: E2E_PREVIEW_DIR, APP_NOW: appNow }, true);
  const browser = await openBrowser({ width, height: 812, deviceScaleFactor: 2 });
  await browser.page.goto(`${host.url}/`);
  return {
    page: browser.page,
    browser,
    photos,
    url: host.url,
    async close() {
      await browser.close();
      await host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's one session: opened before its tests and closed after them. Read its fields inside
 * hooks and tests (they exist once the session is open).
 */
export function useSession(appNow: string, photoCount = 3, options: SessionOptions = {}): Session {
  let opened: Session | undefined;
  beforeAll(async () => {
    opened = await openSession(appNow, photoCount, options);
  });
  afterAll(() => opened?.close());
  const open = (): Session => {
    if (!opened) throw new Error('the session opens in beforeAll');
    return opened;
  };
  return {
    get page() {
      return open().page;
    },
    get browser() {
      return open().browser;
    },
    get photos() {
      return open().photos;
    },
    get url() {
      return open().url;
    },
    close: () => open().close(),
  };
}
