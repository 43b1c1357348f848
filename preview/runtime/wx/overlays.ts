// WeChat's own interface drawn inside the phone: toast and loading, modal dialogs, the action
// sheet and a full-screen image viewer, in the look of the WeChat client.
import { currentFrame } from '../frame';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const ICONS: Record<string, string> = {
  success: '<svg viewBox="0 0 40 40" width="40" height="40"><path d="M9 21l8 8 15-17" fill="none" stroke="#fff" stroke-width="3"/></svg>',
  error:
    '<svg viewBox="0 0 40 40" width="40" height="40"><circle cx="20" cy="20" r="16" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M20 11v12M20 27v3" stroke="#fff" stroke-width="3"/></svg>',
  loading: '<span class="wx-spinner"></span>',
};

// ---- toast and loading share one slot, as in WeChat ----
let toast: { node: HTMLElement; timer?: number; kind: 'toast' | 'loading' } | undefined;

function closeToast(kind?: 'toast' | 'loading'): void {
  if (!toast || (kind && toast.kind !== kind)) return;
  clearTimeout(toast.timer);
  toast.node.remove();
  toast = undefined;
}

export function showToastOverlay(options: { title: string; icon?: string; duration?: number; mask?: boolean; kind: 'toast' | 'loading' }): void {
  closeToast();
  const icon = options.kind === 'loading' ? 'loading' : (options.icon ?? 'success');
  const layer = el('div', `wx-toast-layer${options.mask ? ' wx-toast-layer--mask' : ''}`);
  const box = el('div', `wx-toast${icon === 'none' ? ' wx-toast--text' : ''}`);
  box.setAttribute('role', 'status');
  if (icon !== 'none' && ICONS[icon]) box.appendChild(el('div', 'wx-toast__icon')).innerHTML = ICONS[icon];
  box.appendChild(el('div', 'wx-toast__title', options.title));
  layer.appendChild(box);
  currentFrame().overlays.appendChild(layer);
  toast = { node: layer, kind: options.kind };
  if (options.kind === 'toast') toast.timer = window.setTimeout(() => closeToast('toast'), options.duration ?? 1500);
}

export const hideToastOverlay = (): void => closeToast();

/** Everything WeChat drew over the page (toast, modal, action sheet, image viewer), gone at once. */
export function clearOverlays(): void {
  closeToast();
  currentFrame().overlays.replaceChildren();
}
export const hideLoadingOverlay = (): void => closeToast('loading');

// ---- modal ----
export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  cancelColor?: string;
  confirmText?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export function showModalOverlay(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
  return new Promise((resolve) => {
    const layer = el('div', 'wx-mask wx-modal-layer');
    const dialog = el('div', 'wx-modal');
    dialog.setAttribute('role', 'dialog');
    if (options.title) dialog.appendChild(el('div', 'wx-modal__title', options.title));
    let input: HTMLTextAreaElement | undefined;
    if (options.editable) {
      input = el('textarea', 'wx-modal__input');
      input.value = options.content ?? '';
      input.placeholder = options.placeholderText ?? '';
      dialog.appendChild(input);
    } else if (options.content) {
      dialog.appendChild(el('div', 'wx-modal__content', options.content));
    }
    const buttons = el('div', 'wx-modal__buttons');
    const close = (confirm: boolean): void => {
      layer.remove();
      resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) });
    };
    if (options.showCancel !== false) {
      const cancel = el('button', 'wx-modal__button wx-modal__cancel', options.cancelText ?? '取消');
      cancel.style.color = options.cancelColor ?? '#000';
      cancel.onclick = () => close(false);
      buttons.appendChild(cancel);
    }
    const confirm = el('button', 'wx-modal__button wx-modal__confirm', options.confirmText ?? '确定');
    confirm.style.color = options.confirmColor ?? '#576b95';
    confirm.onclick = () => close(true);
    buttons.appendChild(confirm);
    dialog.appendChild(buttons);
    layer.appendChild(dialog);
    currentFrame().overlays.appendChild(layer);
    (input ?? confirm).focus();
  });
}

// ---- action sheet ----
export function showActionSheetOverlay(options: { itemList: string[]; itemColor?: string; alertText?: string }): Promise<number | undefined> {
  return new Promise((resolve) => {
    const layer = el('div', 'wx-mask wx-action-sheet-layer');
    const sheet = el('div', 'wx-action-sheet');
    sheet.setAttribute('role', 'menu');
    const close = (index: number | undefined): void => {
      layer.remove();
      resolve(index);
    };
    if (options.alertText) sheet.appendChild(el('div', 'wx-action-sheet__alert', options.alertText));
    options.itemList.forEach((label, index) => {
      const item = el('button', 'wx-action-sheet__item', label);
      item.setAttribute('role', 'menuitem');
      item.style.color = options.itemColor ?? '#000';
      item.onclick = () => close(index);
      sheet.appendChild(item);
    });
    sheet.appendChild(el('div', 'wx-action-sheet__gap'));
    const cancel = el('button', 'wx-action-sheet__item wx-action-sheet__cancel', '取消');
    cancel.onclick = () => close(undefined);
    sheet.appendChild(cancel);
    layer.onclick = (event) => {
      if (event.target === layer) close(undefined);
    };
    layer.appendChild(sheet);
    currentFrame().overlays.appendChild(layer);
  });
}

// ---- image viewer ----
export function showImageViewer(url: string): void {
  const layer = el('div', 'wx-image-viewer');
  const image = el('img', 'wx-image-viewer__image');
  image.src = url;
  image.alt = '';
  layer.appendChild(image);
  layer.onclick = () => layer.remove();
  currentFrame().overlays.appendChild(layer);
}

/** What the phone would open outside the mini-program (maps, the dialer), said in a dialog. */
export function showWouldOpen(title: string, lines: string[]): Promise<unknown> {
  return showModalOverlay({ title, content: `${lines.filter(Boolean).join('\n')}\n\n（浏览器预览中不会真的打开）`, showCancel: false, confirmText: '知道了' });
}
