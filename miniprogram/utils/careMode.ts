// 关怀模式 (large text) and the phone's own font size: the root font size every page gives its
// <page-meta>, so text and touch targets, sized in rem, grow together on every page.

export const CARE_MODE_KEY = 'care:on';

/** WeChat's standard font size: at this setting 1rem is 16 px, as designed. */
const STANDARD_FONT_SIZE = 16;
/** 关怀模式's root size: main text (0.9375rem) is 20.6 px and a touch target (2.75rem) 60.5 px. */
const CARE_ROOT_PX = 22;
/** Beyond this the pages would no longer fit a 320 px screen. */
const LARGEST_ROOT_PX = 24;
/** From here an 18-digit ID number no longer fits beside its label on a 320 px screen. */
const LARGE_ROOT_PX = 20;
const LARGE_PAGE_STYLE = '--field-body-min-width: 10em; --cell-title-flex: 0 1 auto; --cell-value-flex: 1 1 auto;';

export interface CareState {
  on: boolean;
  /** For <page-meta root-font-size>, e.g. "22px". */
  rootFontSize: string;
  /** Text so large that a field's value goes under its label and the step bar names only the current step. */
  large: boolean;
  /** For <page-meta page-style>: the CSS variables that lay the page out for large text (app.wxss). */
  pageStyle: string;
}

/**
 * The phone's font size follows WeChat's 我-设置-通用-字体大小 (`fontSizeSetting`, px) upward only
 * (a smaller setting would shrink targets under 44 px); 关怀模式 is at least 22 px whatever the phone says.
 */
export function rootFontPx(on: boolean, fontSizeSetting: unknown): number {
  const setting = typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting) ? fontSizeSetting : STANDARD_FONT_SIZE;
  const followed = Math.min(Math.max(setting, STANDARD_FONT_SIZE), LARGEST_ROOT_PX);
  return on ? Math.max(followed, CARE_ROOT_PX) : followed;
}

export function readCareMode(): boolean {
  try {
    return wx.getStorageSync(CARE_MODE_KEY) === true;
  } catch {
    return false;
  }
}

/** Remembers the choice on the phone; if storage fails the mode still applies to this visit. */
export function saveCareMode(on: boolean): void {
  try {
    wx.setStorageSync(CARE_MODE_KEY, on);
  } catch {
    // storage full or unavailable: nothing else depends on it
  }
}

function phoneFontSize(): unknown {
  try {
    return wx.getAppBaseInfo().fontSizeSetting;
  } catch {
    return undefined;
  }
}

export function careState(on = readCareMode()): CareState {
  const px = rootFontPx(on, phoneFontSize());
  const large = px >= LARGE_ROOT_PX;
  return { on, rootFontSize: `${px}px`, large, pageStyle: large ? LARGE_PAGE_STYLE : '' };
}

/**
 * Every page's `care` data, read when the page is created. Only the home page changes it, and home is
 * never above another page, so a page created later always reads the current choice. The initial data
 * is the standard size, so a page in normal mode on a phone at the standard font size (the most
 * common case) costs no extra trip to the view.
 */
const STANDARD: CareState = { on: false, rootFontSize: `${STANDARD_FONT_SIZE}px`, large: false, pageStyle: '' };

export const careMode = Behavior({
  data: { care: STANDARD },
  lifetimes: {
    attached() {
      const care = careState();
      if (care.on !== STANDARD.on || care.rootFontSize !== STANDARD.rootFontSize) this.setData({ care });
    },
  },
});
