// The loading skeleton of every page that reads its data first: while the server has not answered, bars
// in the shape of what is coming under one label a screen reader reads; once it has, the content.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { installWxRequest, loadPage, waitFor, wxMock, type LoadedPage, type SimNode } from './harness';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const OFFICER = 'staff-skeletons';
const backend = freshBackendEachTest('2026-09-01T10:00:00+08:00', (b) => b.grant(OFFICER, ['430104'], { name: '周建华', badge: 'CS01234', supervisor: true }));

const as = (openid: string) => wxMock.storage.set(DEV_OPENID_KEY, openid);

/**
 * Answers of the server kept back until `answer()`: the pages' requests reach it and are handled, but
 * the phone hears nothing yet. Every answer after that comes at once.
 */
let answer: () => void;
beforeEach(() => {
  const wx = (globalThis as unknown as { wx: { request: WechatMiniprogram.Wx['request'] } }).wx;
  const send = wx.request;
  let kept: (() => void)[] | undefined = [];
  answer = () => {
    const due = kept ?? [];
    kept = undefined;
    due.forEach((deliver) => deliver());
  };
  const later =
    <T>(callback: ((result: T) => void) | undefined) =>
    (result: T) => {
      if (kept) kept.push(() => callback?.(result));
      else callback?.(result);
    };
  installWxRequest(((options: WechatMiniprogram.RequestOption) =>
    send({ ...options, success: later(options.success), fail: later(options.fail) } as WechatMiniprogram.RequestOption)) as WechatMiniprogram.Wx['request']);
});

/**
 * A node's WXML aria-* attributes. miniprogram-simulate does not put them on the DOM (WeChat's screen
 * reader reads them from the view), so they are read where the compiled WXML set them.
 */
function ariaOf(node: SimNode): Record<string, string> {
  const attrs = (node as unknown as { _exparserNode: { _vt?: { attrs?: { name: string; value: unknown }[] } } })._exparserNode._vt?.attrs ?? [];
  return Object.fromEntries(attrs.filter(({ name }) => name.startsWith('aria')).map(({ name, value }) => [name, String(value)]));
}

/** The skeleton is on the page, named for a screen reader, its bars hidden from it, and no content yet. */
function expectSkeleton(page: LoadedPage, content: string): void {
  const skeleton = page.find('.page-skeleton');
  expect(ariaOf(skeleton)).toEqual({ ariaRole: 'progressbar', ariaLabel: '正在加载…' });
  expect(ariaOf(page.find('.page-skeleton__bars'))).toEqual({ ariaHidden: 'true' });
  expect(page.findAll('.skeleton-cell').length).toBeGreaterThan(0);
  expect(skeleton.dom?.querySelectorAll('[class*="van-skeleton__row"]').length).toBeGreaterThan(0);
  expect(page.text()).not.toContain(content);
}

/** Loads `route`, checks the skeleton while the answer is kept back, then lets it come. */
async function loadsThrough(route: string, content: string, query?: Record<string, string>): Promise<LoadedPage> {
  const page = await loadPage(route, query ? { query } : {});
  await waitFor(() => expect(backend.sent.length).toBeGreaterThan(0));
  expectSkeleton(page, content);
  answer();
  await waitFor(() => expect(page.text()).toContain(content));
  expect(page.query('.page-skeleton')).toBeUndefined();
  expect(page.query('.skeleton-cell')).toBeUndefined();
  return page;
}

describe('the loading skeleton', () => {
  it('holds the home page’s place until the residence status arrives', async () => {
    const page = await loadsThrough('pages/home/index', '尚未申报居住信息');
    expect(page.findAll('.service')).toHaveLength(5);
  });

  it('holds 我的办件’s place until the list arrives', async () => {
    await backend.declare(ME);
    const page = await loadsThrough('pages/applications/index', '居住信息申报');
    expect(page.findAll('.application')).toHaveLength(1);
  });

  it('holds the detail’s place until the application arrives', async () => {
    const id = await backend.declare(ME);
    const page = await loadsThrough('pages/application/index', '办理记录', { id });
    expect(page.text()).toContain('居住信息申报');
  });

  it('holds 补正’s place until the items asked for arrive', async () => {
    const id = await backend.declare(ME);
    const asked = await backend.staffCall(OFFICER, 'requestCorrection', { id, items: [{ item: 'applicant.mobile', message: '手机号码无法接通' }] }, 'ask');
    expect(asked.ok).toBe(true);
    const page = await loadsThrough('pages/correct/index', '审核民警要求补正以下 1 项', { id });
    expect(page.findAll('.row-applicant_mobile')).toHaveLength(1);
  });

  it('holds the queue’s place under its filters until the list arrives', async () => {
    await backend.declare(ME);
    as(OFFICER);
    const page = await loadsThrough('staff/pages/queue/index', '李晓梅');
    expect(page.findAll('.row')).toHaveLength(1);
    expect(page.query('.filters')).toBeDefined();
  });

  it('holds the review’s place until the application arrives', async () => {
    const id = await backend.declare(ME);
    as(OFFICER);
    const page = await loadsThrough('staff/pages/review/index', '李晓梅', { id });
    expect(page.query('.approve')).toBeDefined();
  });

  it('holds 人员管理’s place until the officer’s own role arrives', async () => {
    as(OFFICER);
    const page = await loadsThrough('staff/pages/people/index', '当前登录');
    expect(page.query('.grant')).toBeDefined();
  });
});
