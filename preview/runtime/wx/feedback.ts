// wx.showToast / hideToast, showLoading / hideLoading, showModal and showActionSheet, drawn by overlays.ts.
import { settle, WxFailure, type Callbacks } from './async';
import { hideLoadingOverlay, hideToastOverlay, showActionSheetOverlay, showModalOverlay, showToastOverlay, type ModalOptions } from './overlays';

type Options<T> = T & Callbacks<Record<string, unknown>>;

export const feedback = {
  showToast: (options: Options<{ title: string; icon?: string; duration?: number; mask?: boolean }>) =>
    settle('showToast', options, () => {
      showToastOverlay({ ...options, kind: 'toast' });
      return {};
    }),
  hideToast: (options?: Callbacks<Record<string, unknown>>) =>
    settle('hideToast', options, () => {
      hideToastOverlay();
      return {};
    }),
  showLoading: (options: Options<{ title: string; mask?: boolean }>) =>
    settle('showLoading', options, () => {
      showToastOverlay({ ...options, kind: 'loading' });
      return {};
    }),
  hideLoading: (options?: Callbacks<Record<string, unknown>>) =>
    settle('hideLoading', options, () => {
      hideLoadingOverlay();
      return {};
    }),
  showModal: (options: Options<ModalOptions>) => settle('showModal', options, () => showModalOverlay(options)),
  showActionSheet: (options: Options<{ itemList: string[]; itemColor?: string; alertText?: string }>) =>
    settle('showActionSheet', options, async () => {
      const tapIndex = await showActionSheetOverlay(options);
      if (tapIndex === undefined) throw new WxFailure('cancel');
      return { tapIndex };
    }),
};
