// wx.scanCode in the browser: a sheet over the page where the developer pastes what the QR would hold,
// or picks a ready application's pickup code; cancelling fails with "scanCode:fail cancel" as WeChat does.
import { currentFrame } from '../frame';
import { settle, WxFailure, type Callbacks } from './async';
import { choiceLabel, pastedText, readPickupCodes, scanResult, type PickupCodeChoice, type ScanResult } from './scanChoices';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let sheets = 0;

/** The text "scanned", or undefined when the developer cancels. */
function showScanSheet(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const id = `wx-scan-${++sheets}`;
    const layer = el('div', 'wx-mask wx-action-sheet-layer');
    const sheet = el('div', 'wx-action-sheet wx-scan-sheet');
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-modal', 'true');
    sheet.setAttribute('aria-labelledby', `${id}-title`);
    const title = el('div', 'wx-scan-sheet__title', '扫一扫（浏览器预览）');
    title.id = `${id}-title`;
    sheet.appendChild(title);

    const close = (text: string | undefined): void => {
      layer.remove();
      resolve(text);
    };

    const form = el('form', 'wx-scan-sheet__form');
    const label = el('label', 'wx-scan-sheet__label', '二维码内容');
    label.htmlFor = `${id}-text`;
    const input = el('input', 'wx-scan-sheet__input');
    input.id = `${id}-text`;
    input.type = 'text';
    input.autocomplete = 'off';
    input.placeholder = '粘贴或输入二维码里的文字';
    const confirm = el('button', 'wx-scan-sheet__confirm', '识别');
    confirm.type = 'submit';
    confirm.setAttribute('aria-label', '识别输入的内容');
    const problem = el('div', 'wx-scan-sheet__problem');
    problem.setAttribute('role', 'alert');
    form.append(label, input, confirm, problem);
    form.onsubmit = (event) => {
      event.preventDefault();
      const text = pastedText(input.value);
      if (text === undefined) {
        problem.textContent = '请先粘贴或输入二维码内容';
        input.focus();
        return;
      }
      close(text);
    };
    sheet.appendChild(form);

    const heading = el('div', 'wx-scan-sheet__heading', '待领取办件的领取码');
    heading.id = `${id}-codes`;
    const list = el('div', 'wx-scan-sheet__codes');
    list.setAttribute('role', 'group');
    list.setAttribute('aria-labelledby', heading.id);
    const status = el('div', 'wx-scan-sheet__status', '正在读取…');
    status.setAttribute('role', 'status');
    list.appendChild(status);
    sheet.append(heading, list);
    const showChoices = (choices: PickupCodeChoice[]): void => {
      if (choices.length === 0) {
        status.textContent = '没有待领取的办件';
        return;
      }
      status.remove();
      for (const choice of choices) {
        const item = el('button', 'wx-action-sheet__item wx-scan-sheet__code', choiceLabel(choice));
        item.type = 'button';
        item.onclick = () => close(choice.code);
        list.appendChild(item);
      }
    };
    readPickupCodes().then(showChoices, (error: unknown) => {
      status.textContent = `读取领取码失败：${error instanceof Error ? error.message : String(error)}`;
    });

    sheet.appendChild(el('div', 'wx-action-sheet__gap'));
    const cancel = el('button', 'wx-action-sheet__item wx-action-sheet__cancel', '取消');
    cancel.type = 'button';
    cancel.onclick = () => close(undefined);
    sheet.appendChild(cancel);
    layer.onclick = (event) => {
      if (event.target === layer) close(undefined);
    };
    layer.onkeydown = (event) => {
      if (event.key === 'Escape') close(undefined);
    };
    layer.appendChild(sheet);
    currentFrame().overlays.appendChild(layer);
    input.focus();
  });
}

type ScanOptions = { onlyFromCamera?: boolean; scanType?: string[] } & Callbacks<Record<string, unknown>>;

export const scanCode = (options?: ScanOptions) =>
  settle('scanCode', options, async (): Promise<ScanResult & Record<string, unknown>> => {
    const text = await showScanSheet();
    if (text === undefined) throw new WxFailure('cancel');
    return { ...scanResult(text) };
  });
