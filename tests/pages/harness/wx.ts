// The slice of the mini-program runtime that miniprogram-simulate lacks (or only stubs) and pages
// commonly need. State lives on globalThis so every copy of this module (jest.isolateModules,
// resetModules) sees the same store. Installed by setup.ts (jest `setupFiles`); fresh per test file.
//
// wx.request is deliberately NOT faked: page tests talk to a real local HTTP server. Until a test
// calls installWxRequest(), wx.request throws so a forgotten adapter fails loudly instead of hanging.

/** One recorded call of a navigation / feedback API, e.g. { api: 'navigateTo', url: '/pages/x/index?id=1' }. */
export interface WxCall {
  api: string;
  [option: string]: unknown;
}

export interface ModalResult {
  confirm: boolean;
  cancel: boolean;
  content?: string;
}

/** What a page sees from getCurrentPages(): the component instance of each loaded page. */
export type PageInstance = WechatMiniprogram.Component.TrivialInstance & { route: string; options: Record<string, string> };

/**
 * How the person answers the next subscription prompt: one result for every template, a result per template id, or a
 * function of the ids asked, run synchronously inside the call (so a test can see what had happened by then).
 */
export type SubscribeAnswer = string | Record<string, string> | ((tmplIds: string[]) => Record<string, string>);

interface WxMockState {
  storage: Map<string, unknown>;
  calls: WxCall[];
  modalResults: ModalResult[];
  subscribeAnswers: SubscribeAnswer[];
  /** The texts the next wx.scanCode calls read; none queued is a scan the person cancels. */
  scanResults: string[];
  pages: PageInstance[];
  app: Record<string, unknown>;
  /** The phone's 字体大小 as wx.getAppBaseInfo().fontSizeSetting reports it (px). */
  fontSizeSetting: number;
}

/** WeChat's standard 字体大小 setting. */
const STANDARD_FONT_SIZE = 16;

const STATE_KEY = Symbol.for('pages-harness.wx-state');
type WithState = typeof globalThis & { [STATE_KEY]?: WxMockState };

function state(): WxMockState {
  const g = globalThis as WithState;
  if (!g[STATE_KEY]) {
    g[STATE_KEY] = {
      storage: new Map(),
      calls: [],
      modalResults: [],
      subscribeAnswers: [],
      scanResults: [],
      pages: [],
      app: { globalData: {} },
      fontSizeSetting: STANDARD_FONT_SIZE,
    };
  }
  return g[STATE_KEY]!;
}

/** Live view of the fake runtime, for assertions. */
export const wxMock = {
  /** Raw storage values (already JSON-round-tripped like the real store). */
  get storage(): Map<string, unknown> {
    return state().storage;
  },
  /** Every recorded navigation / toast / modal / loading call, in order. */
  get calls(): readonly WxCall[] {
    return state().calls;
  },
  /** Recorded calls of one API, e.g. callsOf('navigateTo'). */
  callsOf(api: string): WxCall[] {
    return state().calls.filter((call) => call.api === api);
  },
  /** The page stack returned by getCurrentPages() (loadPage manages it). */
  get pages(): PageInstance[] {
    return state().pages;
  },
  /** Queue the answer of the next wx.showModal (default: the user taps confirm). */
  nextModalResult(result: Partial<ModalResult>): void {
    const confirm = result.confirm ?? true;
    state().modalResults.push({ confirm, cancel: result.cancel ?? !confirm, ...(result.content !== undefined ? { content: result.content } : {}) });
  },
  /** Queue the answer of the next wx.requestSubscribeMessage (default: 'accept' for every template, as a tap on 允许). */
  nextSubscribeAnswer(answer: SubscribeAnswer): void {
    state().subscribeAnswers.push(answer);
  },
  /** Queue the text the next wx.scanCode reads (with none queued, the scan is cancelled). */
  nextScanResult(result: string): void {
    state().scanResults.push(result);
  },
  /** The phone's 字体大小 setting (px) that pages loaded from now on read. */
  setFontSizeSetting(px: number): void {
    state().fontSizeSetting = px;
  },
};

/** What getApp() returns. Pass the options object an app.ts gives to App(), or any stand-in. */
export function setApp(app: Record<string, unknown>): void {
  state().app = app;
}

/** Clears storage, recorded calls, queued modal answers and the page stack; getApp() becomes { globalData: {} }. */
export function resetWx(): void {
  const s = state();
  s.storage.clear();
  s.calls.length = 0;
  s.modalResults.length = 0;
  s.subscribeAnswers.length = 0;
  s.scanResults.length = 0;
  s.pages.length = 0;
  s.app = { globalData: {} };
  s.fontSizeSetting = STANDARD_FONT_SIZE;
  inFlight = 0;
}

/** Requests sent and not yet answered: a test ends only once they have (see requestsSettled). */
let inFlight = 0;

/** Install the wx.request implementation pages should use (e.g. an adapter to the lead's local server). */
export function installWxRequest(request: WechatMiniprogram.Wx['request']): void {
  wxObject().request = ((options: WechatMiniprogram.RequestOption) => {
    inFlight++;
    let answered = false;
    // Counted out on the answer, whichever callback the adapter calls.
    const settle = () => {
      if (!answered) inFlight--;
      answered = true;
    };
    return request({
      ...options,
      success: (res) => {
        settle();
        options.success?.(res);
      },
      fail: (err) => {
        settle();
        options.fail?.(err);
      },
      complete: (res) => {
        settle();
        options.complete?.(res);
      },
    });
  }) as WechatMiniprogram.Wx['request'];
}

/**
 * Resolves once no request is in flight (or after `timeoutMs`): an answer arriving after a test file's
 * document is gone would make a page draw into nothing and take the whole file down with it.
 */
export async function requestsSettled(timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  // The answer's own setData runs a tick after its callback.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function wxObject(): Record<string, unknown> {
  return (globalThis as unknown as { wx: Record<string, unknown> }).wx;
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

/** wx async-API convention: callbacks if given, a Promise otherwise; always settles asynchronously. */
function settleAsync(options: Callbacks | undefined, result: Record<string, unknown>): Promise<unknown> | undefined {
  const usesCallbacks = !!options && (!!options.success || !!options.fail || !!options.complete);
  const later = new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve(result), 0));
  if (!usesCallbacks) return later;
  void later.then((res) => {
    options!.success?.(res);
    options!.complete?.(res);
  });
  return undefined;
}

/** Storage keeps what JSON keeps (as WeChat's does); '' for missing keys like the real API. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** An async wx API whose call (minus callbacks) is recorded in wxMock.calls and which always succeeds. */
function recorded(api: string) {
  return (options: Record<string, unknown> & Callbacks = {}) => {
    const { success: _s, fail: _f, complete: _c, ...rest } = options;
    state().calls.push({ api, ...rest });
    return settleAsync(options, { errMsg: `${api}:ok` });
  };
}

/** Build the fake APIs. Merged over simulate's own wx (simulate keeps existing keys of global.wx). */
export function installWxGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const fake: Record<string, unknown> = {
    getStorageSync: (key: string) => (state().storage.has(key) ? jsonCopy(state().storage.get(key)) : ''),
    setStorageSync: (key: string, data: unknown) => void state().storage.set(key, jsonCopy(data)),
    removeStorageSync: (key: string) => void state().storage.delete(key),
    clearStorageSync: () => state().storage.clear(),
    navigateTo: recorded('navigateTo'),
    redirectTo: recorded('redirectTo'),
    reLaunch: recorded('reLaunch'),
    switchTab: recorded('switchTab'),
    navigateBack: recorded('navigateBack'),
    showToast: recorded('showToast'),
    hideToast: recorded('hideToast'),
    showLoading: recorded('showLoading'),
    hideLoading: recorded('hideLoading'),
    stopPullDownRefresh: recorded('stopPullDownRefresh'),
    showModal: (options: Record<string, unknown> & Callbacks = {}) => {
      const answer = state().modalResults.shift() ?? { confirm: true, cancel: false };
      const { success: _s, fail: _f, complete: _c, ...rest } = options;
      state().calls.push({ api: 'showModal', ...rest, result: answer });
      return settleAsync(options, { errMsg: 'showModal:ok', ...answer });
    },
    // Recorded when called, not when answered: a test sees whether the prompt came before the backend request.
    requestSubscribeMessage: (options: { tmplIds: string[] } & Callbacks) => {
      const { success: _s, fail: _f, complete: _c, ...rest } = options;
      state().calls.push({ api: 'requestSubscribeMessage', ...rest });
      const answer = state().subscribeAnswers.shift() ?? 'accept';
      const results = typeof answer === 'function' ? answer(options.tmplIds) : typeof answer === 'string' ? Object.fromEntries(options.tmplIds.map((id) => [id, answer])) : answer;
      return settleAsync(options, { errMsg: 'requestSubscribeMessage:ok', ...results });
    },
    // Recorded when called; answers the queued text as { result }, or fails as a cancelled scan.
    scanCode: (options: Record<string, unknown> & Callbacks = {}) => {
      const { success: _s, fail: _f, complete: _c, ...rest } = options;
      state().calls.push({ api: 'scanCode', ...rest });
      const result = state().scanResults.shift();
      if (result !== undefined) return settleAsync(options, { errMsg: 'scanCode:ok', result, scanType: 'QR_CODE', charSet: 'utf-8' });
      const error = { errMsg: 'scanCode:fail cancel' };
      if (options.success || options.fail || options.complete) {
        setTimeout(() => {
          options.fail?.(error);
          options.complete?.(error);
        }, 0);
        return undefined;
      }
      return new Promise((_resolve, reject) => setTimeout(() => reject(error), 0));
    },
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', language: 'zh_CN', theme: 'light', fontSizeSetting: state().fontSizeSetting }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } }),
    request: () => {
      throw new Error('wx.request is not installed in page tests: call installWxRequest(...) from tests/pages/harness');
    },
  };
  g.wx = Object.assign((g.wx as object | undefined) ?? {}, fake);
  g.getApp = () => state().app;
  g.getCurrentPages = () => [...state().pages];
  // Lets a test `require('<miniprogram>/app')` to make the real App() options what getApp() returns.
  g.App = (options: Record<string, unknown>) => setApp(options);
}
