// Stands in for miniprogram-simulate's src/wxss.js: WXSS was scoped at build time with a tag
// placeholder; here the component's tag fills it in and rpx becomes px when the style is inserted.
import { TAG, files } from 'preview:app';
import { rpxToPx } from '../rpx';

export function getContent(filePath: string): string {
  return files[filePath] ?? '';
}

export function compile(wxss: string, options: { prefix?: string } = {}): string {
  return wxss.split(TAG).join(options.prefix ?? '');
}

export function insert(wxss: string | string[], id: string): void {
  document.querySelectorAll(`style[data-component="${id}"]`).forEach((style) => style.remove());
  const style = document.createElement('style');
  style.dataset.component = id;
  style.textContent = rpxToPx((Array.isArray(wxss) ? wxss : [wxss]).join('\n'));
  document.head.appendChild(style);
}
