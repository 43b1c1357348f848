// wx navigation and page APIs on top of router.ts. Navigation happens after the caller's own code
// has finished (as on a device, where it is asynchronous), then success/fail/complete run.
import { NavigationError, navigateBack, navigateTo, pageScrollTo, reLaunch, redirectTo, setTitle, switchTab } from '../router';
import { settle, WxFailure, type Callbacks } from './async';

type Options<T> = T & Callbacks<Record<string, unknown>>;

function navigation(api: string, action: () => void) {
  return (options: Callbacks<Record<string, unknown>> | undefined) =>
    settle(api, options, async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        action();
      } catch (error) {
        if (error instanceof NavigationError) throw new WxFailure(error.message);
        throw error;
      }
      return {};
    });
}

export const navigationApis = {
  navigateTo: (options: Options<{ url: string }>) => navigation('navigateTo', () => navigateTo(options.url))(options),
  redirectTo: (options: Options<{ url: string }>) => navigation('redirectTo', () => redirectTo(options.url))(options),
  reLaunch: (options: Options<{ url: string }>) => navigation('reLaunch', () => reLaunch(options.url))(options),
  switchTab: (options: Options<{ url: string }>) => navigation('switchTab', () => switchTab(options.url))(options),
  navigateBack: (options: Options<{ delta?: number }> = {}) => navigation('navigateBack', () => navigateBack(options.delta ?? 1))(options),
  setNavigationBarTitle: (options: Options<{ title: string }>) =>
    settle('setNavigationBarTitle', options, () => {
      setTitle(options.title);
      return {};
    }),
  pageScrollTo: (options: Options<{ scrollTop?: number; duration?: number; selector?: string }>) =>
    settle('pageScrollTo', options, () => {
      pageScrollTo(options);
      return {};
    }),
};
