// The only code that reaches the backend: calls a cloud function through WeChat's cloud in trial and
// release, or through the local host in development. Pages never choose; configuration does.
import { BACKENDS, DEFAULT_DEV_OPENID, DEV_OPENID_KEY, type Backend } from '../config';
import type { ActionName, CallArgs, FunctionName, Result, ResultOf } from '../domain/contract';
import { AppError, ERROR_MESSAGES } from '../domain/errors';

let cloudReady = false;

export function currentBackend(): Backend {
  const { envVersion } = wx.getAccountInfoSync().miniProgram;
  return BACKENDS[envVersion] ?? BACKENDS.develop;
}

export function devOpenid(): string {
  const stored: unknown = wx.getStorageSync(DEV_OPENID_KEY);
  return typeof stored === 'string' && stored !== '' ? stored : DEFAULT_DEV_OPENID;
}

function offline(): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: '网络不可用，请检查网络后重试' } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function callLocal(baseUrl: string, name: FunctionName, data: WechatMiniprogram.IAnyObject): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    wx.request({
      url: `${baseUrl}/api/functions/${name}`,
      method: 'POST',
      data,
      header: { 'Content-Type': 'application/json', 'X-Openid': devOpenid() },
      success: (res) => resolve(isResult(res.data) ? res.data : offline()),
      fail: () => resolve(offline()),
    });
  });
}

async function callCloud(env: string, name: FunctionName, data: WechatMiniprogram.IAnyObject): Promise<Result<unknown>> {
  if (!cloudReady) {
    wx.cloud.init({ env, traceUser: true });
    cloudReady = true;
  }
  try {
    const { result } = await wx.cloud.callFunction({ name, data });
    return isResult(result) ? result : offline();
  } catch {
    return offline();
  }
}

/**
 * Calls `action` of function `name`; never throws, always answers with a Result. The contract map
 * decides the payload, the answer's type and whether a requestId follows the payload.
 */
export function call<F extends FunctionName, A extends ActionName<F>>(name: F, action: A, ...args: CallArgs<F, A>): Promise<Result<ResultOf<F, A>>> {
  const [payload, requestId] = args as [unknown, string?];
  const data: WechatMiniprogram.IAnyObject = { action };
  if (payload !== undefined) data.payload = payload;
  if (requestId !== undefined) data.requestId = requestId;
  const backend = currentBackend();
  const pending = backend.kind === 'local' ? callLocal(backend.baseUrl, name, data) : callCloud(backend.env, name, data);
  // The one place the wire's answer takes its type: the server's handler tables are checked against the same map.
  return pending as Promise<Result<ResultOf<F, A>>>;
}

/** Unwraps a result, turning an error into an AppError a page can show. */
export function expectOk<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new AppError(result.error.code, result.error.message || ERROR_MESSAGES[result.error.code], result.error.fields, result.error.opensOn);
}

/**
 * Whether a write that failed may still have been stored: the phone got no answer (or the server failed
 * midway, which reads the same here), so its request id is kept for the retry. Any other error is the
 * server's answer to a request it did not store, so a new request id is fine after it.
 */
export function mayHaveLanded(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'INTERNAL';
}

/** A request id for one intended write: reused when the same write is retried, so it lands once. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${random}`;
}
