// profile: the caller's own staff record, so the console can say who is signed in and offer a supervisor's tools.
import type { StaffMember } from '../../../miniprogram/domain/contract';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { staffOf } from './access';
import { member } from './grants';

/** Takes no payload; one that is given must still be an object. */
export const profile: ActionDefinition<true, StaffMember, false> = {
  needsRequestId: false,
  parse: (c, payload) => (payload === undefined || payloadObject(c, payload) ? true : undefined),
  run: (ctx) => Promise.resolve({ data: member(ctx.openid, staffOf(ctx)) }),
};
