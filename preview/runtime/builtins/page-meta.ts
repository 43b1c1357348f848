// <page-meta>: renders nothing; sets its page's root font size (rem, see root-font.ts), and its
// page-font-size and page-style on the page element. "system" stands for the phone's 字体大小.
import { readFontSizeSetting } from '../../shared/settings';
import { setRootFontSize } from '../root-font';
import { rpxToPx } from '../rpx';
import { defineBuiltIn } from './define';

/** Pages whose style a page-meta has set: only those are rewritten (or cleared) on a change. */
const styled = new WeakSet<HTMLElement>();

const size = (value: unknown): string => {
  const text = String(value ?? '').trim();
  return text === 'system' ? `${readFontSizeSetting(localStorage)}px` : text;
};

export function registerPageMeta(): void {
  defineBuiltIn('page-meta', {
    properties: {
      rootFontSize: { type: String, value: '' },
      pageFontSize: { type: String, value: '' },
      pageStyle: { type: String, value: '' },
    },
    update(host) {
      const frame = host.closest<HTMLElement>('.wx-page-frame');
      if (!frame) return;
      setRootFontSize(frame, size(this.data.rootFontSize));
      const page = frame.querySelector<HTMLElement>(':scope > wx-page');
      const pageStyle = rpxToPx(String(this.data.pageStyle ?? ''));
      const pageFont = size(this.data.pageFontSize);
      if (!page || (!pageStyle && !pageFont && !styled.has(page))) return;
      styled.add(page);
      page.setAttribute('style', pageStyle);
      if (pageFont) page.style.fontSize = pageFont;
    },
    detached(host) {
      const frame = host.closest<HTMLElement>('.wx-page-frame');
      if (frame) setRootFontSize(frame, '');
    },
  });
}
