// The `staff` cloud function's actions; every one runs only for a caller with a staff record.
import type { ActionTable } from '../dispatch';
import { queue } from './queue';
import { approve, getApplication, markCollected, markReady, reject, requestCorrection } from './review';

export const staffActions: ActionTable = {
  queue,
  getApplication,
  approve,
  requestCorrection,
  reject,
  markReady,
  markCollected,
};
