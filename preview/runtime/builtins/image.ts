// <image> as a real <img>: WeChat's modes (scaleToFill, aspectFit, aspectFill, widthFix, heightFix
// and the crops) map to object-fit/object-position; load { width, height } and error events fire
// like WeChat's. Root paths ("/images/x.png") load from the build's copy of the app's images, and
// the local host's links (the develop base URL) from the preview's own origin.
import { toPreviewOrigin } from '../wx/origin';
import { defineBuiltIn, type BuiltIn } from './define';

const images = new WeakMap<HTMLElement, HTMLImageElement>();

const FIT: Record<string, [string, string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  top: ['none', 'top'],
  bottom: ['none', 'bottom'],
  center: ['none', 'center'],
  left: ['none', 'left'],
  right: ['none', 'right'],
  'top left': ['none', 'top left'],
  'top right': ['none', 'top right'],
  'bottom left': ['none', 'bottom left'],
  'bottom right': ['none', 'bottom right'],
};

export function imageUrl(src: string): string {
  if (!src || /^(data:|blob:|\/\/)/.test(src)) return src;
  if (/^https?:/.test(src)) return toPreviewOrigin(src);
  return `/app/${src.replace(/^\/+/, '')}`;
}

function imageOf(self: BuiltIn, host: HTMLElement): HTMLImageElement {
  let img = images.get(host);
  if (img) return img;
  img = document.createElement('img');
  img.alt = '';
  img.draggable = false;
  images.set(host, img);
  host.appendChild(img);
  img.addEventListener('load', () => {
    img!.style.visibility = '';
    self.triggerEvent('load', { width: img!.naturalWidth, height: img!.naturalHeight });
  });
  img.addEventListener('error', () => {
    // WeChat shows nothing for an image that fails, not a broken-image icon.
    img!.style.visibility = 'hidden';
    self.triggerEvent('error', { errMsg: `GET ${img!.src} failed` });
  });
  return img;
}

export function registerImage(): void {
  defineBuiltIn('image', {
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      lazyLoad: { type: Boolean, value: false },
    },
    reflect: ['mode'],
    // Named by its WXML aria-label; without one it is presentational (see aria.ts).
    aria: () => ({ role: 'img' }),
    update(host) {
      const img = imageOf(this, host);
      const [fit, position] = FIT[String(this.data.mode)] ?? FIT.scaleToFill!;
      img.style.objectFit = fit;
      img.style.objectPosition = position;
      img.loading = this.data.lazyLoad ? 'lazy' : 'eager';
      const url = imageUrl(String(this.data.src ?? ''));
      if (!url) img.removeAttribute('src');
      else if (img.getAttribute('src') !== url) img.src = url;
    },
  });
}
