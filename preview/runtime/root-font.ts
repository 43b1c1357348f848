// The html element's font size, which rem resolves against: the <page-meta root-font-size> of the
// page on top of the stack, so a page popped off reveals the one below with its own value again.
// The preview's phone chrome and panel are sized in px (frame.css) and never follow it.
import { SCREEN_WIDTH } from './screen';

/**
 * A page without page-meta (or with an empty value): WeChat's WXSS rule "the screen is 20rem wide",
 * 18.75 px on the preview's 375 px screen.
 */
export const DEFAULT_ROOT_FONT_SIZE = `${SCREEN_WIDTH / 20}px`;

const sizes = new WeakMap<HTMLElement, string>();
let topFrame: HTMLElement | undefined;

function apply(): void {
  const style = document.documentElement.style;
  // An invalid value leaves the previous one in place; cleared first, it falls back to the default.
  style.fontSize = '';
  style.fontSize = (topFrame && sizes.get(topFrame)) || DEFAULT_ROOT_FONT_SIZE;
  if (!style.fontSize) style.fontSize = DEFAULT_ROOT_FONT_SIZE;
}

/** What a page's page-meta asks for ('' for WeChat's default); applies at once if the page is on top. */
export function setRootFontSize(frame: HTMLElement, value: string): void {
  if (value) sizes.set(frame, value);
  else sizes.delete(frame);
  if (frame === topFrame) apply();
}

/** Called by the router whenever the stack changes. */
export function followTopPage(frame: HTMLElement | undefined): void {
  topFrame = frame;
  apply();
}
