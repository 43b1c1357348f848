// The `staff` cloud function's actions, checked against the contract map; every one runs only for a
// caller with a staff record.
import type { HandlersOf } from '../dispatch';
import { grantStaff, revokeStaff } from './grants';
import { profile } from './profile';
import { queue } from './queue';
import { approve, getApplication, markCollected, markReady, reject, requestCorrection } from './review';
import { stats } from './stats';
import { subscriptionTemplates } from './subscriptionTemplates';

export const staffActions = {
  queue,
  getApplication,
  approve,
  requestCorrection,
  reject,
  markReady,
  markCollected,
  subscriptionTemplates,
  profile,
  grantStaff,
  revokeStaff,
  stats,
} satisfies HandlersOf<'staff'>;
