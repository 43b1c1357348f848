// Built-ins that keep their children and only need their attributes shown (for the base
// stylesheet) or their taps acted on: button, navigator and scroll-view.
import { defineBuiltIn, onTap, type BuiltIn } from './define';

function navigate(self: BuiltIn): void {
  const wx = (globalThis as unknown as { wx: Record<string, (options: object) => unknown> }).wx;
  const url = String(self.data.url ?? '');
  const type = String(self.data.openType ?? 'navigate');
  const call = (api: string, options: object) => void wx[api]?.({ ...options, fail: (error: unknown) => console.warn(`[preview] <navigator> ${api}`, error) });
  if (type === 'navigateBack') call('navigateBack', { delta: Number(self.data.delta ?? 1) });
  else if (type === 'redirect') call('redirectTo', { url });
  else if (type === 'switchTab') call('switchTab', { url });
  else if (type === 'reLaunch') call('reLaunch', { url });
  else if (type === 'navigate') call('navigateTo', { url });
}

// j-component forwards every scroll inside a page as a `scroll` event without detail; a scroll-view's
// own scrolls are caught first (window, capture phase) and sent with WeChat's detail instead.
const scrollHandlers = new WeakMap<EventTarget, () => void>();
let scrollCaptured = false;

function watchScroll(self: BuiltIn, host: HTMLElement): void {
  if (!scrollCaptured) {
    scrollCaptured = true;
    window.addEventListener(
      'scroll',
      (event) => {
        const handler = event.target && scrollHandlers.get(event.target);
        if (!handler) return;
        event.stopPropagation();
        handler();
      },
      true,
    );
  }
  const state = { lowerNear: false, upperNear: true };
  let lastTop = host.scrollTop;
  let lastLeft = host.scrollLeft;
  scrollHandlers.set(host, () => {
    const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = host;
    self.triggerEvent('scroll', { scrollTop, scrollLeft, scrollHeight, scrollWidth, deltaX: scrollLeft - lastLeft, deltaY: scrollTop - lastTop });
    lastTop = scrollTop;
    lastLeft = scrollLeft;
    const vertical = !!self.data.scrollY;
    const lower = Number(self.data.lowerThreshold ?? 50);
    const upper = Number(self.data.upperThreshold ?? 50);
    const lowerNear = vertical ? scrollHeight - scrollTop - clientHeight <= lower : scrollWidth - scrollLeft - clientWidth <= lower;
    const upperNear = (vertical ? scrollTop : scrollLeft) <= upper;
    if (lowerNear && !state.lowerNear) self.triggerEvent('scrolltolower', { direction: vertical ? 'bottom' : 'right' });
    if (upperNear && !state.upperNear) self.triggerEvent('scrolltoupper', { direction: vertical ? 'top' : 'left' });
    state.lowerNear = lowerNear;
    state.upperNear = upperNear;
  });
}

export function registerBasics(): void {
  defineBuiltIn('button', {
    properties: {
      type: { type: String, value: 'default' },
      size: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
    },
    reflect: ['type', 'size', 'plain', 'disabled'],
    aria() {
      return { role: 'button', 'aria-disabled': this.data.disabled ? 'true' : undefined, 'aria-busy': this.data.loading ? 'true' : undefined };
    },
  });

  defineBuiltIn('navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
    },
    aria: () => ({ role: 'link' }),
    attached() {
      onTap(this, () => navigate(this));
    },
  });

  defineBuiltIn('scroll-view', {
    properties: {
      scrollX: { type: Boolean, value: false },
      scrollY: { type: Boolean, value: false },
      scrollTop: { type: null, value: undefined },
      scrollLeft: { type: null, value: undefined },
      scrollIntoView: { type: String, value: '' },
      scrollWithAnimation: { type: Boolean, value: false },
      upperThreshold: { type: Number, value: 50 },
      lowerThreshold: { type: Number, value: 50 },
    },
    reflect: ['scrollX', 'scrollY'],
    attached(host) {
      watchScroll(this, host);
    },
    update(host) {
      const behavior = this.data.scrollWithAnimation ? 'smooth' : 'instant';
      const top = this.data.scrollTop;
      const left = this.data.scrollLeft;
      if (top !== undefined && top !== null && top !== '') host.scrollTo({ top: Number(top), behavior });
      if (left !== undefined && left !== null && left !== '') host.scrollTo({ left: Number(left), behavior });
      const id = String(this.data.scrollIntoView ?? '');
      if (id) host.querySelector(`#${CSS.escape(id)}`)?.scrollIntoView({ behavior, block: 'start', inline: 'start' });
    },
  });
}
