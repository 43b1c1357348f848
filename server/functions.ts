// The cloud functions the server answers, by name. Entries (cloud or local host) call `runFunction`.
import type { FunctionName, Result } from '../miniprogram/domain/contract';
import type { Context } from './context';
import { dispatch, type ActionTable } from './handlers/dispatch';
import { residentActions } from './handlers/resident';

const FUNCTIONS: Partial<Record<FunctionName, ActionTable>> = {
  resident: residentActions,
};

export function hasFunction(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

export function runFunction(name: FunctionName, ctx: Context, data: unknown): Promise<Result<unknown>> {
  const actions = FUNCTIONS[name];
  if (!actions) throw new Error(`no such function: ${name}`);
  return dispatch(name, actions, ctx, data);
}
