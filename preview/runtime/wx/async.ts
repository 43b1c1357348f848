// WeChat's async-API convention: success/fail/complete callbacks when any is given, a Promise
// otherwise; results carry errMsg "<api>:ok" and failures "<api>:fail <reason>".
export interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: WxError) => void;
  complete?: (result: T | WxError) => void;
}
export interface WxError {
  errMsg: string;
}
export type Result = Record<string, unknown>;

export class WxFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function settle<T extends Result>(api: string, options: Callbacks<T> | undefined, run: () => T | Promise<T>): Promise<T> | undefined {
  const pending = Promise.resolve()
    .then(run)
    .then(
      (result) => ({ ...result, errMsg: `${api}:ok` }) as T,
      (error: unknown) => {
        const reason = error instanceof WxFailure ? error.reason : error instanceof Error ? error.message : String(error);
        throw { errMsg: `${api}:fail ${reason}` } satisfies WxError;
      },
    );
  const usesCallbacks = !!options && (!!options.success || !!options.fail || !!options.complete);
  if (!usesCallbacks) return pending;
  pending.then(
    (result) => {
      options.success?.(result);
      options.complete?.(result);
    },
    (error: WxError) => {
      options.fail?.(error);
      options.complete?.(error);
    },
  );
  return undefined;
}
