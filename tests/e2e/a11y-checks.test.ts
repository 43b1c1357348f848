// The accessibility and layout checks of tests/e2e/a11y.ts against small hand-made pages in real Chromium: each finds what it should and nothing else.
import type { Page } from 'playwright-core';
import { contrastProblems, controlsInTree, overflowProblems, targetProblems, unnamedControls } from './a11y';
import { openBrowser, type OpenBrowser } from './browser';

jest.setTimeout(60_000);

let browser: OpenBrowser;
let page: Page;
beforeAll(async () => {
  browser = await openBrowser({ width: 375, height: 812 });
  page = browser.page;
});
afterAll(() => browser?.close());

/** A phone-width page whose body is the page frame the checks look in by default (and whatever sits outside it). */
async function show(frame: string, outside = ''): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body { margin: 0; font: 16px/1.5 sans-serif; }</style></head>
    <body><div class="wx-page-frame">${frame}</div>${outside}</body></html>`);
}

describe('contrastProblems', () => {
  test('reports light text, composites translucent backgrounds and opacity, reads placeholders, and skips disabled and unseen text', async () => {
    await show(
      `<style>
        .light-hint::placeholder { color: #c8c9cc; }
        .dark-hint::placeholder { color: #555; }
      </style>
      <p class="grey" style="color: #969799">提示文字</p>
      <p class="body" style="color: #323233">正文清楚</p>
      <div class="veil" style="background: rgba(0, 0, 0, 0.5)"><span class="on-veil" style="color: #fff">半透明底上的白字</span></div>
      <div class="faded" style="opacity: 0.5"><span class="in-faded" style="color: #323233">变淡的正文</span></div>
      <button disabled style="color: #ccc">不可用按钮</button>
      <div aria-disabled="true" style="color: #ccc">不可用区域</div>
      <div wx-disabled style="color: #ccc">不可用控件</div>
      <div class="van-button--disabled" style="color: #ccc">不可用样式</div>
      <p style="display: none; color: #eee">不显示</p>
      <p style="visibility: hidden; color: #eee">看不见</p>
      <input class="light-hint" placeholder="请输入手机号" />
      <input class="dark-hint" placeholder="请输入姓名" />
      <input class="light-hint" placeholder="有值时不看占位" value="李晓梅" style="color: #323233" />
      <input class="pale-value" value="浅色的值" style="color: #ccc" />
      <div class="gradient" style="background-image: linear-gradient(#000, #333)"><span style="color: #fff">渐变底上的字</span></div>`,
      `<p class="outside" style="color: #eee">根以外的字</p>`,
    );
    const report = await contrastProblems(page);
    expect(report.problems).toEqual([
      {
        describe: 'text "提示文字" in div.wx-page-frame > p.grey: contrast 2.92 < 4.5 (#969799 on #ffffff)',
        kind: 'text',
        text: '提示文字',
        path: 'div.wx-page-frame > p.grey',
        ratio: 2.92,
        color: '#969799',
        background: '#ffffff',
      },
      {
        describe: 'text "半透明底上的白字" in div.wx-page-frame > div.veil > span.on-veil: contrast 3.98 < 4.5 (#ffffff on #808080)',
        kind: 'text',
        text: '半透明底上的白字',
        path: 'div.wx-page-frame > div.veil > span.on-veil',
        ratio: 3.98,
        color: '#ffffff',
        background: '#808080',
      },
      {
        describe: 'text "变淡的正文" in div.wx-page-frame > div.faded > span.in-faded: contrast 2.87 < 4.5 (#999999 on #ffffff)',
        kind: 'text',
        text: '变淡的正文',
        path: 'div.wx-page-frame > div.faded > span.in-faded',
        ratio: 2.87,
        color: '#999999',
        background: '#ffffff',
      },
      {
        describe: 'placeholder "请输入手机号" in div.wx-page-frame > input.light-hint: contrast 1.66 < 4.5 (#c8c9cc on #ffffff)',
        kind: 'placeholder',
        text: '请输入手机号',
        path: 'div.wx-page-frame > input.light-hint',
        ratio: 1.66,
        color: '#c8c9cc',
        background: '#ffffff',
      },
      {
        describe: 'value "浅色的值" in div.wx-page-frame > input.pale-value: contrast 1.61 < 4.5 (#cccccc on #ffffff)',
        kind: 'value',
        text: '浅色的值',
        path: 'div.wx-page-frame > input.pale-value',
        ratio: 1.61,
        color: '#cccccc',
        background: '#ffffff',
      },
    ]);
    // Four texts, two placeholders and two values measured; the gradient's text is the one left out.
    expect(report.skipped.map(({ text, reason }) => ({ text, reason }))).toEqual([{ text: '渐变底上的字', reason: 'background image on div.wx-page-frame > div.gradient' }]);
    expect(report.checked).toBe(8);
  });

  test('counts what it measured and what it could not (text over a gradient or an image)', async () => {
    await show(
      `<p style="color: #323233">正文</p>
      <div class="gradient" style="background-image: linear-gradient(#000, #333)"><span class="on-gradient" style="color: #fff">渐变底上的字</span></div>
      <div class="banner" style="position: relative; width: 200px; height: 60px">
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" style="position: absolute; inset: 0; width: 200px; height: 60px" />
        <span class="caption" style="position: relative; color: #fff">图上的字</span>
      </div>`,
    );
    expect(await contrastProblems(page)).toEqual({
      problems: [],
      skipped: [
        {
          describe: '"渐变底上的字" in div.wx-page-frame > div.gradient > span.on-gradient: background image on div.wx-page-frame > div.gradient',
          text: '渐变底上的字',
          path: 'div.wx-page-frame > div.gradient > span.on-gradient',
          reason: 'background image on div.wx-page-frame > div.gradient',
        },
        {
          describe: '"图上的字" in div.wx-page-frame > div.banner > span.caption: over an image',
          text: '图上的字',
          path: 'div.wx-page-frame > div.banner > span.caption',
          reason: 'over an image',
        },
      ],
      checked: 1,
    });
  });

  test('text further down a scrolling page inside a clipping screen is measured; a collapsed panel’s is not', async () => {
    // The preview's layout: the screen clips, the page frame inside it scrolls.
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin: 0">
      <div class="screen" style="position: relative; height: 300px; overflow: hidden; transform: translateZ(0)">
        <div class="wx-page-frame" style="position: absolute; inset: 0; overflow-x: hidden; overflow-y: auto">
          <div style="height: 1000px"></div>
          <p class="far" style="color: #969799">很下面的字</p>
          <div class="collapsed" style="height: 0; overflow: hidden"><p style="color: #969799">收起的字</p></div>
        </div>
      </div></body></html>`);
    const report = await contrastProblems(page);
    expect(report.problems.map(({ describe }) => describe)).toEqual(['text "很下面的字" in div.wx-page-frame > p.far: contrast 2.92 < 4.5 (#969799 on #ffffff)']);
    expect(report.checked).toBe(1);
  });

  test('a lower minimum lets grey text pass; a root of its own reaches text outside the page frame', async () => {
    await show(`<p class="grey" style="color: #969799">提示文字</p>`, `<p class="outside" style="color: #eee">根以外的字</p>`);
    expect((await contrastProblems(page, { min: 2.5 })).problems).toEqual([]);
    expect((await contrastProblems(page, { root: ['.outside'] })).problems.map((problem) => problem.describe)).toEqual([
      'text "根以外的字" in p.outside: contrast 1.16 < 4.5 (#eeeeee on #ffffff)',
    ]);
  });
});

describe('unnamedControls and controlsInTree', () => {
  test('a control with no text or label is reported; labelled ones are listed by name', async () => {
    await show(
      `<div role="button" class="bare" style="width: 30px; height: 30px"></div>
      <div role="button" class="labelled" aria-label="关闭" style="width: 30px; height: 30px"></div>
      <div role="switch" aria-checked="true" aria-label="关怀模式" tabindex="0">开</div>
      <button>提交</button>
      <input class="nameless" />
      <input placeholder="姓名" />
      <div hidden role="button" class="hidden"></div>`,
      `<div role="button" class="outside" style="width: 30px; height: 30px"></div>`,
    );
    expect(await unnamedControls(page)).toEqual([
      { describe: 'button with no name at div.wx-page-frame > div.bare', role: 'button', path: 'div.wx-page-frame > div.bare' },
      { describe: 'textbox with no name at div.wx-page-frame > input.nameless', role: 'textbox', path: 'div.wx-page-frame > input.nameless' },
    ]);
    expect(await controlsInTree(page)).toEqual([
      { role: 'button', name: '' },
      { role: 'button', name: '关闭' },
      { role: 'switch', name: '关怀模式', checked: 'true' },
      { role: 'button', name: '提交' },
      { role: 'textbox', name: '' },
      { role: 'textbox', name: '姓名' },
    ]);
    expect(await unnamedControls(page, { root: 'body' })).toContainEqual({ describe: 'button with no name at body > div.outside', role: 'button', path: 'body > div.outside' });
  });
});

describe('targetProblems', () => {
  beforeEach(() =>
    show(
      `<style>input { box-sizing: border-box; border: 0; padding: 0; }</style>
      <div role="button" class="small" aria-label="小" style="width: 30px; height: 30px"></div>
      <button class="big" style="width: 100px; height: 48px">大按钮</button>
      <div class="van-cell" style="height: 50px"><input class="in-row" placeholder="手机号" style="width: 200px; height: 20px" /></div>
      <div class="van-field--van-cell" style="height: 50px"><input class="in-scoped-row" placeholder="姓名" style="width: 200px; height: 20px" /></div>
      <input class="alone" placeholder="单独的框" style="width: 200px; height: 30px" />
      <div role="button" class="gone" style="display: none; width: 10px; height: 10px"></div>
      <div style="position: relative; overflow: hidden; width: 100px; height: 50px">
        <div role="button" class="clipped" aria-label="藏起来" style="position: absolute; left: 200px; width: 10px; height: 10px"></div>
      </div>`,
    ),
  );

  test('at 44 px: the 30 px button and the field outside a row; a field in a van-cell row (its class plain or scoped by the preview) is measured by the row', async () => {
    expect(await targetProblems(page, { min: 44 })).toEqual([
      {
        describe: 'button "小" at div.wx-page-frame > div.small: 30×30 px, under 44 px',
        role: 'button',
        path: 'div.wx-page-frame > div.small',
        label: '小',
        width: 30,
        height: 30,
      },
      {
        describe: 'input "单独的框" at div.wx-page-frame > input.alone: 200×30 px, under 44 px',
        role: 'input',
        path: 'div.wx-page-frame > input.alone',
        label: '单独的框',
        width: 200,
        height: 30,
      },
    ]);
  });

  test('at 24 px nothing is too small', async () => {
    expect(await targetProblems(page, { min: 24 })).toEqual([]);
  });
});

describe('overflowProblems', () => {
  test('a row wider than the screen (which scrolls the document), ellipsized and clamped text; not a sideways scroller’s content', async () => {
    await show(
      `<div class="row" style="width: 500px">宽的一行</div>
      <div class="scroller" style="overflow-x: auto; width: 300px"><div class="track" style="width: 800px">可以横向滑动的内容</div></div>
      <div class="cell" style="width: 100px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">这是一段很长很长很长很长的文字</div>
      <div class="clamp" style="width: 100px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden">这一段文字很长，两行放不下，后面的部分被截掉了</div>
      <div class="fits" style="width: 300px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">放得下</div>
      <div class="popup" style="position: fixed; left: 100%; top: 0; width: 300px">滑走的弹层</div>`,
    );
    const problems = await overflowProblems(page);
    expect(problems.map(({ describe }) => describe)).toEqual([
      'the document scrolls sideways: scrollWidth 500 > clientWidth 375',
      'element div.wx-page-frame > div.row crosses the screen edge: left 0, right 500, screen width 375',
      expect.stringMatching(/^"这是一段很长很长很长很长的文字" in div\.wx-page-frame > div\.cell is ellipsized: scrollWidth \d+ > clientWidth 100$/),
      expect.stringMatching(/^"这一段文字很长，两行放不下，后面的部分被截掉了" in div\.wx-page-frame > div\.clamp is clamped to 2 lines: scrollHeight \d+ > clientHeight 48$/),
    ]);
    expect(problems.map(({ kind, path, text }) => ({ kind, path, text }))).toEqual([
      { kind: 'document-scroll', path: 'html', text: '' },
      { kind: 'offscreen', path: 'div.wx-page-frame > div.row', text: '宽的一行' },
      { kind: 'ellipsis', path: 'div.wx-page-frame > div.cell', text: '这是一段很长很长很长很长的文字' },
      { kind: 'clamped', path: 'div.wx-page-frame > div.clamp', text: '这一段文字很长，两行放不下，后面的部分被截掉了' },
    ]);
  });

  test('text spilling out of a box that fits, and text cut off by a fixed height', async () => {
    await show(
      `<div class="narrow" style="width: 300px; white-space: nowrap; font-size: 24px">这一行不换行所以会一直延伸到屏幕的右边以外去</div>
      <div class="short" style="width: 300px; height: 24px; overflow: hidden">第一行<br />第二行被切掉</div>`,
    );
    expect(await overflowProblems(page)).toEqual([
      { describe: expect.stringMatching(/^the document scrolls sideways: scrollWidth \d+ > clientWidth 375$/), kind: 'document-scroll', path: 'html', text: '' },
      {
        describe: expect.stringMatching(
          /^text "这一行不换行所以会一直延伸到屏幕的右边以外去" in div\.wx-page-frame > div\.narrow crosses the screen edge: left 0, right \d+(\.\d)?, screen width 375$/,
        ),
        kind: 'offscreen',
        path: 'div.wx-page-frame > div.narrow',
        text: '这一行不换行所以会一直延伸到屏幕的右边以外去',
      },
      {
        describe: '"第一行 第二行被切掉" in div.wx-page-frame > div.short is cut off below: scrollHeight 48 > clientHeight 24',
        kind: 'cut-off',
        path: 'div.wx-page-frame > div.short',
        text: '第一行 第二行被切掉',
      },
    ]);
  });

  test('a page that fits has none', async () => {
    await show(
      `<div class="cell" style="width: 200px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">短文字</div>
      <div class="scroller" style="overflow-x: auto"><div style="width: 900px">横向滑动</div></div>`,
    );
    expect(await overflowProblems(page)).toEqual([]);
  });
});
