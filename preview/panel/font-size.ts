// The phone's 字体大小 (WeChat's 我-设置-通用-字体大小): the panel remembers the choice, the wx APIs
// report it as fontSizeSetting, and the app starts again at home, since pages read it when they load.
import { FONT_SIZE_STEPS, readFontSizeSetting, writeFontSizeSetting } from '../shared/settings';
import { el, section } from './dom';

export function fontSizeSection(relaunch: () => void): HTMLElement {
  const current = readFontSizeSetting(localStorage);
  const select = el(
    'select',
    { className: 'dev-panel__input', id: 'dev-font-size', name: 'font-size' },
    ...FONT_SIZE_STEPS.map((step) => el('option', { value: String(step.px), textContent: `${step.label}（${step.px}px）`, selected: step.px === current })),
  );
  select.setAttribute('aria-label', '字体大小');
  select.addEventListener('change', () => {
    writeFontSizeSetting(localStorage, Number(select.value));
    relaunch();
  });
  return section('字体大小（微信 我-设置-通用-字体大小，切换后回到首页）', select);
}
