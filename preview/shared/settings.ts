// The simulated phone's own WeChat settings, which the development panel changes and the wx APIs
// report: kept in localStorage beside wx storage, not in it, so wx.clearStorage and the panel's
// 清除本机缓存 leave them alone, as clearing a mini-program's data leaves the phone's settings.
const FONT_SIZE_KEY = 'preview:font-size-setting';

/** WeChat's 我-设置-通用-字体大小 as `fontSizeSetting` reports it, in px; 16 is 标准. */
export const DEFAULT_FONT_SIZE_SETTING = 16;

export const FONT_SIZE_STEPS: readonly { px: number; label: string }[] = [
  { px: 14, label: '小' },
  { px: 16, label: '标准' },
  { px: 18, label: '大' },
  { px: 20, label: '较大' },
  { px: 22, label: '特大' },
  { px: 24, label: '最大' },
];

export function readFontSizeSetting(store: Storage): number {
  const stored = Number(store.getItem(FONT_SIZE_KEY));
  return FONT_SIZE_STEPS.some((step) => step.px === stored) ? stored : DEFAULT_FONT_SIZE_SETTING;
}

export function writeFontSizeSetting(store: Storage, px: number): void {
  store.setItem(FONT_SIZE_KEY, String(px));
}
