// The phone's screen as the mini-program sees it: a 375 px wide screen (750 rpx), or the window's
// width when it is narrower (down to 320 px, the smallest phone served), a status bar and a navigation
// bar above the page, and the live size of the page area for system-info APIs.
const STANDARD_WIDTH = 375;
const SMALLEST_WIDTH = 320;
const windowWidth = typeof window === 'undefined' ? STANDARD_WIDTH : Math.floor(window.innerWidth);
export const SCREEN_WIDTH = windowWidth < STANDARD_WIDTH ? Math.max(SMALLEST_WIDTH, windowWidth) : STANDARD_WIDTH;
export const STATUS_BAR_HEIGHT = 20;
export const NAV_BAR_HEIGHT = 44;
export const PIXEL_RATIO = 2;

/** Set by frame.ts once the phone's elements exist. */
let measure: () => { screenHeight: number; windowHeight: number } = () => ({ screenHeight: 667, windowHeight: 603 });

export function setMeasure(fn: typeof measure): void {
  measure = fn;
}

export function screenSize(): { screenWidth: number; screenHeight: number; windowWidth: number; windowHeight: number } {
  const { screenHeight, windowHeight } = measure();
  return { screenWidth: SCREEN_WIDTH, screenHeight, windowWidth: SCREEN_WIDTH, windowHeight };
}
