// Proves the page-test harness on a throwaway fixture page (tests/pages/fixtures/pages/greet):
// real Vant components via npm-style usingComponents, the .ts page through ts-jest, wcc-compiled WXML.
import { FIXTURES_ROOT, installWxRequest, loadPage, resetWx, settle, textOf, waitFor, wxMock, type LoadedPage } from './harness';

const GREET = 'pages/greet/index';
const open = (query?: Record<string, string>): Promise<LoadedPage> => loadPage(GREET, { rootPath: FIXTURES_ROOT, query });

beforeEach(() => resetWx());

describe('page harness on the fixture page', () => {
  it('renders real Vant components with data set by onLoad(query)', async () => {
    const page = await open({ from: 'home' });

    expect(page.route).toBe(GREET);
    expect(page.text('#title')).toBe('Greeting Hello, stranger');
    expect(page.text('#who')).toBe('Visitor home');
    expect(page.text('#greet')).toBe('Greet');
    // Vant's own markup, i.e. the real component rendered (not an empty custom tag).
    expect(page.root.querySelector('van-button wx-button')?.className).toContain('van-button--primary');
    expect(getCurrentPages()).toEqual([page.instance]);
    expect(page.instance.options).toEqual({ from: 'home' });
  });

  it('typing into van-field then tapping van-button updates the rendered text, storage and shows a toast', async () => {
    const page = await open();

    await page.type('#name', 'Ada');
    expect(page.data.name).toBe('Ada');

    await page.tap('#greet');
    expect(page.text('#title')).toBe('Greeting Hello, Ada');
    expect(wx.getStorageSync('fixture:lastName')).toBe('Ada');

    await settle(); // Vant toast enters through two 33 ms "animation frames"
    expect(page.text('#van-toast')).toBe('Greeted Ada');
    expect(page.find('#van-toast').data).toMatchObject({ show: true, type: 'success', message: 'Greeted Ada' });
  });

  it('shows the fail toast when the field is empty', async () => {
    const page = await open();
    await page.tap('#greet');
    await settle();
    expect(page.text('#van-toast')).toBe('Please enter a name');
    expect(page.text('#title')).toBe('Greeting Hello, stranger');
  });

  it('van-dialog: confirm runs the page callback; storage and navigation are recorded', async () => {
    wx.setStorageSync('fixture:lastName', 'Bob');
    const page = await open();
    expect(page.text('#title')).toBe('Greeting Welcome back, Bob');

    await page.tap('#confirm-reset');
    await settle();
    expect(page.text('#van-dialog')).toContain('Forget the name?');

    await page.tap(page.findByText('#van-dialog >>> .van-dialog__button', '确认'));
    await waitFor(() => expect(page.text('#title')).toBe('Greeting Hello, stranger'));
    expect(wx.getStorageSync('fixture:lastName')).toBe('');
    expect(wxMock.callsOf('navigateTo')).toEqual([{ api: 'navigateTo', url: '/pages/after-reset/index?by=fixture' }]);
    // Closing hides the dialog after Vant's 300 ms leave transition.
    await waitFor(() => expect(page.text('#van-dialog')).toBe(''));
  });

  it('van-dialog: cancel keeps the data', async () => {
    wx.setStorageSync('fixture:lastName', 'Bob');
    const page = await open();
    await page.tap('#confirm-reset');
    await settle();
    await page.tap(page.findByText('#van-dialog >>> .van-dialog__button', '取消'));
    await waitFor(() => expect(page.text('#van-dialog')).toBe(''));
    expect(page.text('#title')).toBe('Greeting Welcome back, Bob');
    expect(wxMock.callsOf('navigateTo')).toEqual([]);
  });

  it('loads the same page twice in one file, each with fresh data', async () => {
    const first = await open({ from: 'a' });
    await first.type('#name', 'Ada');
    const second = await open({ from: 'b' });

    expect(second.data).toMatchObject({ name: '', from: 'b' });
    expect(second.text('#who')).toBe('Visitor b');
    expect(getCurrentPages()).toEqual([second.instance]); // replaced, like reLaunch
    expect(first.root.isConnected).toBe(false);

    // van-collapse-item reaches its parent through Component relations, which must be re-linked on
    // the second load (the harness replays recorded Component() definitions).
    await second.tap('#faq-what');
    expect(second.data.openPanels).toEqual(['what']);
    await second.tap('#faq-what');
    expect(second.data.openPanels).toEqual([]);
  });

  it('push: true stacks pages like navigateTo; unload() pops the page', async () => {
    const first = await open({ from: 'a' });
    const second = await loadPage(GREET, { rootPath: FIXTURES_ROOT, query: { from: 'b' }, push: true });
    expect(getCurrentPages().map((p) => p.options)).toEqual([{ from: 'a' }, { from: 'b' }]);
    second.unload();
    expect(getCurrentPages()).toEqual([first.instance]);
    expect(second.root.isConnected).toBe(false);
  });

  it('van-collapse-item tap toggles the panel on a first load too', async () => {
    const page = await open();
    expect(page.text('#faq-what')).toContain('What is this?');
    await page.tap('#faq-what');
    expect(page.data.openPanels).toEqual(['what']);
  });

  it('lifecycle: false lets the test call onLoad itself; emit() fires component events directly', async () => {
    const page = await loadPage(`/${GREET}`, { rootPath: FIXTURES_ROOT, lifecycle: false });
    expect(page.text('#who')).toBe('Visitor nobody');
    await page.load({ from: 'scan' });
    expect(page.text('#who')).toBe('Visitor scan');

    await page.emit('#name', 'change', 'Zed'); // as if van-field emitted change
    expect(page.data.name).toBe('Zed');
    expect(textOf(page.find('#name'))).toBe('Name');
  });
});

describe('wx fakes', () => {
  it('records navigation and feedback calls and answers showModal from a queue', async () => {
    wxMock.nextModalResult({ confirm: false });
    const modal = (await wx.showModal({ title: 'Sure?', content: 'x' })) as WechatMiniprogram.ShowModalSuccessCallbackResult;
    expect(modal.confirm).toBe(false);
    expect((await wx.showModal({ title: 'Again?' })).confirm).toBe(true);

    const done = jest.fn();
    wx.redirectTo({ url: '/pages/a/index', success: done });
    wx.navigateBack({ delta: 2 });
    wx.showToast({ title: 'Saved', icon: 'success' });
    wx.showLoading({ title: 'Loading' });
    wx.hideLoading();
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));

    expect(wxMock.calls.map((c) => c.api)).toEqual(['showModal', 'showModal', 'redirectTo', 'navigateBack', 'showToast', 'showLoading', 'hideLoading']);
    expect(wxMock.callsOf('navigateBack')).toEqual([{ api: 'navigateBack', delta: 2 }]);
  });

  it('storage keeps JSON copies, returns "" when missing, and resetWx clears it', () => {
    const value = { a: 1, when: new Date(0) };
    wx.setStorageSync('k', value);
    value.a = 2;
    expect(wx.getStorageSync('k')).toEqual({ a: 1, when: '1970-01-01T00:00:00.000Z' });
    wx.removeStorageSync('k');
    expect(wx.getStorageSync('k')).toBe('');
    wx.setStorageSync('k2', 1);
    resetWx();
    expect(wxMock.storage.size).toBe(0);
  });

  it('getApp, getAccountInfoSync, and wx.request only once a test installs it', () => {
    expect(getApp()).toEqual({ globalData: {} });
    expect(wx.getAccountInfoSync().miniProgram.envVersion).toBe('develop');
    expect(() => wx.request({ url: 'http://127.0.0.1/x' })).toThrow(/installWxRequest/);

    const request = jest.fn();
    installWxRequest(request);
    wx.request({ url: 'http://127.0.0.1/x' });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1/x' }));
  });
});
