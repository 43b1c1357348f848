// Installs the preview's wx APIs over miniprogram-simulate's mocks (which stay for everything the
// preview does not implement), plus App(), getApp(), getCurrentPages() and a Page() that explains.
import { pageStack, topPage } from '../router';
import { feedback } from './feedback';
import { chooseImage, chooseMedia, compressImage, previewImage } from './media';
import { navigationApis } from './navigation';
import { request, uploadFile } from './network';
import { scanCode } from './scanCode';
import { storage } from './storage';
import { system } from './system';

type AppOptions = Record<string, unknown> & { globalData?: Record<string, unknown> };
let appInstance: AppOptions = { globalData: {} };

export function installWx(): void {
  const globals = globalThis as unknown as Record<string, unknown>;
  const wx = (globals.wx ??= {}) as Record<string, unknown>;
  Object.assign(wx, storage, feedback, navigationApis, system, { request, uploadFile, chooseMedia, chooseImage, compressImage, previewImage, scanCode });
  // Without .in(component), a query looks in the page on top, as on a device.
  wx.createSelectorQuery = () => (topPage()?.instance.createSelectorQuery as (() => unknown) | undefined)?.();
  globals.Page = () => {
    throw new Error('preview: build pages with Component() (miniprogram-simulate, and so the preview, has no Page())');
  };
  globals.App = (options: AppOptions) => {
    appInstance = options;
  };
  globals.getApp = () => appInstance;
  globals.getCurrentPages = () => pageStack().map((entry) => entry.instance);
}

/** App()'s onLaunch and onShow, with the options a launch from the first page would carry. */
export function launchApp(path: string): void {
  const launch = { path, query: {}, scene: 1001, referrerInfo: {} };
  for (const hook of ['onLaunch', 'onShow']) {
    const fn = appInstance[hook];
    if (typeof fn === 'function') (fn as (options: unknown) => void).call(appInstance, launch);
  }
}
