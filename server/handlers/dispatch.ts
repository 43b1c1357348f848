// One dispatcher for every cloud function: checks the call's shape and request id, answers a repeated
// write with its first result, runs the action, and commits its writes together with the idempotency
// record in one batch. Handlers never commit themselves, so a failed request writes nothing.
import type { ActionName, CallData, FunctionName, NeedsRequestId, Result, ResultOf } from '../../miniprogram/domain/contract';
import { AppError, ERROR_MESSAGES, FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { Checker, isPlainObject } from '../../miniprogram/domain/validation';
import type { Context } from '../context';
import { sha256 } from '../ids';
import { expiryOf, REQUEST_RECORD_MS } from '../prune';
import { StoreConflict, type Doc, type Write } from '../store/types';
import { deliverIds } from '../notifications/delivery';

/** What an action decides: its answer, and the writes that make it true. */
export interface Outcome<T> {
  data: T;
  writes?: Write[];
  /**
   * What a failed precondition of one of the writes means: an error (default CONFLICT), or, when the
   * same thing was already done by a copy of this request that landed first, the answer to give.
   */
  onConflict?: (write: Write) => AppError | Promise<AppError | { data: T }>;
}

/**
 * One action: its payload check and its run. `needsRequestId` makes the action idempotent by a
 * requestId, which the call must then carry; the contract map says which actions do.
 */
export interface ActionDefinition<P, T, R extends boolean> {
  needsRequestId: R;
  /** Reads and checks the payload, recording every bad field on the checker. */
  parse: (c: Checker, payload: unknown, ctx: Context) => P | undefined | Promise<P | undefined>;
  run: (ctx: Context, payload: P) => Promise<Outcome<T>>;
}

// The table holds actions of different payload types; each definition is type-checked where it is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, ActionDefinition<any, unknown, boolean>>;

/**
 * A function's handler table as the contract map requires it: exactly the map's actions, each answering
 * the map's result type with the map's requestId rule. Tables are written `{ ... } satisfies HandlersOf<F>`.
 */
export type HandlersOf<F extends FunctionName> = {
  // The parsed payload is each handler's own business: the map fixes what is sent, not what parse makes of it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [A in ActionName<F>]: ActionDefinition<any, ResultOf<F, A>, NeedsRequestId<F, A>>;
};

const REQUEST_ID = /^[\x21-\x7e]{1,64}$/;

export function failure(error: AppError): Result<never> {
  return {
    ok: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.opensOn ? { opensOn: error.opensOn } : {}),
    },
  };
}

export function invalid(fields: Record<string, string>): AppError {
  return new AppError('INVALID_INPUT', undefined, fields);
}

/** The payload an action receives: an object, or a recorded error on `payload`. */
export function payloadObject(c: Checker, payload: unknown): Record<string, unknown> | undefined {
  return isPlainObject(payload) ? payload : c.fail('payload', FIELD_MESSAGES.payload);
}

/** The payload `{ id }` that most actions on one application take. */
export function parseId(c: Checker, payload: unknown): { id: string } | undefined {
  const p = payloadObject(c, payload);
  const id = p && c.id('id', p.id, FIELD_MESSAGES.id);
  return id ? { id } : undefined;
}

/** A write's answer, kept so that a repeat of the request is answered the same, until it expires (prune.ts). */
interface RequestRecord {
  result: unknown;
  at: number;
  /** Absent on records written before records expired: expiryOf counts from `at`. */
  expiresAt?: number;
}

const current = (record: Doc<RequestRecord> | null, now: number): Doc<RequestRecord> | null => (record && expiryOf(record) > now ? record : null);

/** Checks the caller may use a function at all (e.g. is staff), answering the context its actions run with. */
export type Authorize = (ctx: Context) => Promise<Context>;

export async function dispatch(fn: FunctionName, actions: ActionTable, callerCtx: Context, data: unknown, authorize?: Authorize): Promise<Result<unknown>> {
  try {
    if (!isPlainObject(data)) throw invalid({ payload: FIELD_MESSAGES.payload });
    const { action: name, requestId, payload } = data as Partial<CallData> & Record<string, unknown>;
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
      throw new AppError('UNKNOWN_ACTION');
    }
    const action = actions[name];
    const ctx = authorize ? await authorize(callerCtx) : callerCtx;
    const c = new Checker();
    let requestKey: string | undefined;
    let expired: Doc<RequestRecord> | null = null;
    if (action.needsRequestId) {
      if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
        c.fail('requestId', FIELD_MESSAGES.requestId);
      } else {
        requestKey = sha256(`${fn}\n${name}\n${ctx.openid}\n${requestId}`);
        const earlier = await ctx.store.get<RequestRecord>('requests', requestKey);
        const live = current(earlier, ctx.now);
        if (live) return { ok: true, data: live.result };
        // Past its time a record answers nothing; this request replaces it.
        expired = earlier;
      }
    }
    const parsed = await action.parse(c, payload, ctx);
    if (!c.ok || parsed === undefined) throw invalid(c.errors);

    const outcome = await action.run(ctx, parsed);
    const record: RequestRecord = { result: outcome.data, at: ctx.now, expiresAt: ctx.now + REQUEST_RECORD_MS };
    const withRecord = (replacing: Doc<RequestRecord> | null): Write[] => [
      ...(outcome.writes ?? []),
      ...(!requestKey
        ? []
        : replacing
          ? [{ op: 'update' as const, collection: 'requests' as const, id: requestKey, version: replacing._version, doc: { ...record } }]
          : [{ op: 'create' as const, collection: 'requests' as const, id: requestKey, doc: { ...record } }]),
    ];
    let writes = withRecord(expired);
    if (writes.length > 0) {
      try {
        try {
          await ctx.store.commit(writes);
        } catch (error) {
          // The scheduler may have pruned the expired record meanwhile: then the record is created instead.
          if (!(error instanceof StoreConflict && expired && error.write.collection === 'requests')) throw error;
          if (await ctx.store.get('requests', error.write.id)) throw error;
          writes = withRecord(null);
          await ctx.store.commit(writes);
        }
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error;
        if (requestKey) {
          // A copy of this same request may have landed first: then answer with its result.
          const earlier = current(await ctx.store.get<RequestRecord>('requests', requestKey), ctx.now);
          if (earlier) return { ok: true, data: earlier.result };
        }
        const meaning = outcome.onConflict ? await outcome.onConflict(error.write) : new AppError('CONFLICT');
        if (meaning instanceof AppError) throw meaning;
        return { ok: true, data: meaning.data };
      }
      await deliverCreated(ctx, writes);
    }
    return { ok: true, data: outcome.data };
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    // Unexpected failures are reported without detail; the host logs the error itself, never the payload.
    reportInternal(error);
    return failure(new AppError('INTERNAL', ERROR_MESSAGES.INTERNAL));
  }
}

/**
 * Delivers the notifications a committed batch created: never inside the batch, so a send cannot happen for
 * a change that did not land. The answer does not wait on its outcome's meaning: whatever fails here stays
 * pending in the store, and the scheduler tries again.
 */
async function deliverCreated(ctx: Context, writes: readonly Write[]): Promise<void> {
  const ids = writes.filter((w) => w.op === 'create' && w.collection === 'notifications').map((w) => w.id);
  if (ids.length === 0 || !ctx.notifications) return;
  try {
    await deliverIds({ store: ctx.store, notifier: ctx.notifications.notifier, config: ctx.notifications.config, now: ctx.now }, ids);
  } catch (error) {
    reportInternal(error);
  }
}

function reportInternal(error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  console.error(`[internal] ${detail}`);
}
