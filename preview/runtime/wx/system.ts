// Device and account facts for the preview's phone (Vant reads these), the develop account, and the
// small APIs that only record or describe what a phone would do.
import { app } from 'preview:app';
import { readFontSizeSetting } from '../../shared/settings';
import { PIXEL_RATIO, SCREEN_WIDTH, STATUS_BAR_HEIGHT, screenSize } from '../screen';
import { settle, type Callbacks } from './async';
import { showToastOverlay, showWouldOpen } from './overlays';

const SDK_VERSION = app.sdkVersion;

function windowInfo() {
  const size = screenSize();
  return {
    ...size,
    pixelRatio: PIXEL_RATIO,
    statusBarHeight: STATUS_BAR_HEIGHT,
    screenTop: size.screenHeight - size.windowHeight,
    safeArea: { left: 0, right: size.screenWidth, top: STATUS_BAR_HEIGHT, bottom: size.screenHeight, width: size.screenWidth, height: size.screenHeight - STATUS_BAR_HEIGHT },
  };
}

const deviceInfo = { brand: 'devtools', model: '浏览器预览', system: 'iOS 17.0', platform: 'devtools', benchmarkLevel: 1 };
// fontSizeSetting is the panel's 字体大小, read on every call: a page reads it when it loads.
const appBaseInfo = () => ({
  SDKVersion: SDK_VERSION,
  language: 'zh_CN',
  version: '8.0.50',
  theme: 'light',
  enableDebug: false,
  host: { env: 'WeChat' },
  fontSizeSetting: readFontSizeSetting(localStorage),
});

function systemInfo() {
  return { ...windowInfo(), ...deviceInfo, ...appBaseInfo(), environment: '', wifiEnabled: true };
}

const subscriptions: string[] = [];
export const acceptedSubscriptions = (): readonly string[] => subscriptions;

type Options<T> = T & Callbacks<Record<string, unknown>>;

export const system = {
  getSystemInfoSync: systemInfo,
  getSystemInfo: (options?: Callbacks<Record<string, unknown>>) => settle('getSystemInfo', options, systemInfo),
  getSystemInfoAsync: (options?: Callbacks<Record<string, unknown>>) => settle('getSystemInfoAsync', options, systemInfo),
  getWindowInfo: windowInfo,
  getDeviceInfo: () => ({ ...deviceInfo }),
  getAppBaseInfo: appBaseInfo,
  getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' }, plugin: {} }),
  getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: STATUS_BAR_HEIGHT + 6, bottom: STATUS_BAR_HEIGHT + 38, left: SCREEN_WIDTH - 94, right: SCREEN_WIDTH - 7 }),
  canIUse: () => true,
  nextTick: (callback: () => void) => void Promise.resolve().then(callback),

  requestSubscribeMessage: (options: Options<{ tmplIds: string[] }>) =>
    settle('requestSubscribeMessage', options, () => {
      subscriptions.push(...options.tmplIds);
      console.info('[preview] requestSubscribeMessage accepted:', options.tmplIds.join(', '));
      return Object.fromEntries(options.tmplIds.map((id) => [id, 'accept']));
    }),
  openLocation: (options: Options<{ latitude: number; longitude: number; name?: string; address?: string }>) =>
    settle('openLocation', options, async () => {
      await showWouldOpen('将打开地图', [options.name ?? '', options.address ?? '', `纬度 ${options.latitude}，经度 ${options.longitude}`]);
      return {};
    }),
  makePhoneCall: (options: Options<{ phoneNumber: string }>) =>
    settle('makePhoneCall', options, async () => {
      await showWouldOpen('将拨打电话', [options.phoneNumber]);
      return {};
    }),
  setClipboardData: (options: Options<{ data: string }>) =>
    settle('setClipboardData', options, async () => {
      await navigator.clipboard?.writeText(options.data).catch(() => undefined);
      showToastOverlay({ title: '内容已复制', icon: 'none', kind: 'toast' });
      return {};
    }),
  vibrateShort: (options?: Callbacks<Record<string, unknown>>) => settle('vibrateShort', options, () => ({})),
  getNetworkType: (options?: Callbacks<Record<string, unknown>>) => settle('getNetworkType', options, () => ({ networkType: 'wifi' })),
};
