// The pickup codes of ready applications (GET /api/dev/pickup-codes): what the preview's stand-in for
// wx.scanCode offers, so a developer can "scan" a resident's code at the staff counter.
import type { ApplicationKind } from '../../miniprogram/domain/contract';
import type { ApplicationRecord, Lane } from '../records';
import type { Store } from '../store/types';

/** A developer picks from a short list; the ready lane's index serves the first ones in due order. */
export const PICKUP_CODES_LIMIT = 50;

export interface PickupCodeItem {
  code: string;
  applicationId: string;
  kind: ApplicationKind;
  district: string;
}

export async function readyPickupCodes(store: Store): Promise<PickupCodeItem[]> {
  const lane: Lane = 'ready';
  const ready = await store.find<ApplicationRecord>('applications', {
    where: { lane },
    orderBy: { field: 'dueOn', direction: 'asc' },
    limit: PICKUP_CODES_LIMIT,
  });
  return ready.flatMap((app) => (app.pickupCode ? [{ code: app.pickupCode, applicationId: app._id, kind: app.kind, district: app.district }] : []));
}
