// The cloud functions the server answers, by name. Entries (cloud or local host) call `runFunction`.
import type { FunctionName, Result } from '../miniprogram/domain/contract';
import type { Context } from './context';
import { dispatch, type ActionTable, type Authorize } from './handlers/dispatch';
import { residentActions } from './handlers/resident';
import { staffActions } from './handlers/staff';
import { authorizeStaff } from './handlers/staff/access';
import { authorizeScheduler, schedulerActions } from './handlers/scheduler';

const FUNCTIONS: Record<FunctionName, { actions: ActionTable; authorize?: Authorize }> = {
  resident: { actions: residentActions },
  staff: { actions: staffActions, authorize: authorizeStaff },
  scheduler: { actions: schedulerActions, authorize: authorizeScheduler },
};

export function hasFunction(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

export function runFunction(name: FunctionName, ctx: Context, data: unknown): Promise<Result<unknown>> {
  const fn = FUNCTIONS[name];
  if (!fn) throw new Error(`no such function: ${name}`);
  return dispatch(name, fn.actions, ctx, data, fn.authorize);
}
