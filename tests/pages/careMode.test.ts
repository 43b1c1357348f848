// 关怀模式 and the phone's font size: the home switch, remembered on the phone, and the root font size
// every page hands its <page-meta> (rem sizes follow it), rendered with real Vant and the real backend.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARE_MODE_KEY, rootFontPx } from '../../miniprogram/utils/careMode';
import { MINIPROGRAM_ROOT, loadPage, waitFor, wxMock } from './harness';
import { freshBackendEachTest } from './support/world';

freshBackendEachTest('2026-09-01T09:00:00+08:00');

/** Large text: fields stack their value under the label and the step bar names only the current step. */
const LARGE = { large: true, pageStyle: '--field-body-min-width: 10em; --cell-title-flex: 0 1 auto; --cell-value-flex: 1 1 auto;' };
const NOT_LARGE = { large: false, pageStyle: '' };

const appJson = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as { pages: string[]; subpackages: { root: string; pages: string[] }[] };
const PAGES = [...appJson.pages, ...appJson.subpackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];

async function home() {
  const page = await loadPage('pages/home/index');
  await waitFor(() => expect(page.text()).toContain('我的居住状态'));
  return page;
}

describe('the root font size', () => {
  it.each([
    [false, 16, 16],
    [false, undefined, 16],
    [false, 'large', 16],
    [false, 14, 16],
    [false, 20, 20],
    [false, 30, 24],
    [true, 16, 22],
    [true, 14, 22],
    [true, 23, 23],
    [true, 30, 24],
  ])('关怀模式 %s with the phone at %s px gives %s px', (on, setting, expected) => {
    expect(rootFontPx(on, setting)).toBe(expected);
  });
});

describe('关怀模式', () => {
  it('is off at first, and the switch on the home page turns it on and off, remembered on the phone', async () => {
    const page = await home();
    expect(page.data.care).toEqual({ on: false, rootFontSize: '16px', ...NOT_LARGE });
    expect(page.text('.care-switch')).toContain('关怀模式');

    await page.tap('.care-switch');
    expect(page.data.care).toEqual({ on: true, rootFontSize: '22px', ...LARGE });
    expect(wxMock.storage.get(CARE_MODE_KEY)).toBe(true);

    await page.tap('.care-switch');
    expect(page.data.care).toEqual({ on: false, rootFontSize: '16px', ...NOT_LARGE });
    expect(wxMock.storage.get(CARE_MODE_KEY)).toBe(false);
  });

  it('applies to every page opened afterwards, and to the home page on the next visit', async () => {
    await (await home()).tap('.care-switch');
    const mine = await loadPage('pages/applications/index', { push: true });
    expect(mine.data.care).toEqual({ on: true, rootFontSize: '22px', ...LARGE });
    const queue = await loadPage('staff/pages/queue/index', { push: true });
    expect(queue.data.care).toEqual({ on: true, rootFontSize: '22px', ...LARGE });
    expect((await home()).data.care).toEqual({ on: true, rootFontSize: '22px', ...LARGE });
  });

  it('follows a larger font size set on the phone, in both modes', async () => {
    wxMock.setFontSizeSetting(20);
    const page = await home();
    expect(page.data.care).toEqual({ on: false, rootFontSize: '20px', ...LARGE });
    await page.tap('.care-switch');
    expect(page.data.care).toEqual({ on: true, rootFontSize: '22px', ...LARGE });
    wxMock.setFontSizeSetting(24);
    expect((await loadPage('pages/applications/index', { push: true })).data.care).toEqual({ on: true, rootFontSize: '24px', ...LARGE });
  });

  it.each(PAGES)('%s gives its <page-meta> the root font size before anything else', (path) => {
    const wxml = readFileSync(join(MINIPROGRAM_ROOT, `${path}.wxml`), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(wxml.trimStart().startsWith('<page-meta root-font-size="{{care.rootFontSize}}" page-style="{{care.pageStyle}}" />')).toBe(true);
    const source = readFileSync(join(MINIPROGRAM_ROOT, `${path}.ts`), 'utf8');
    expect(source).toMatch(/behaviors: \[careMode\]/);
  });
});
