// Delivering stored notifications after their batch committed: claim, send through the notifier port, record how it ended.
import type { Doc, Store } from '../store/types';
import { StoreConflict } from '../store/types';
import type { NotificationConfig } from './config';
import type { NotificationRecord, Notifier } from './types';

export interface DeliveryDeps {
  store: Store;
  notifier: Notifier;
  config: NotificationConfig;
  now: number;
}

export interface DeliveryCounts {
  /** Recorded sent. */
  delivered: number;
  /** Attempts that failed (the notification stays pending for a retry, or is now `failed`). */
  failed: number;
}

/** Whether a notification may be tried now: pending, and not claimed by a delivery that may still be running. */
export function deliverable(doc: NotificationRecord, deps: Pick<DeliveryDeps, 'config' | 'now'>): boolean {
  return doc.status === 'pending' && (doc.claimedAt === undefined || doc.claimedAt + deps.config.claimMs <= deps.now);
}

async function update(store: Store, doc: Doc<NotificationRecord>, changes: Partial<NotificationRecord>): Promise<Doc<NotificationRecord> | null> {
  const { _id, _version, ...fields } = doc;
  const next: NotificationRecord = { ...fields, ...changes };
  try {
    await store.commit([{ op: 'update', collection: 'notifications', id: _id, version: _version, doc: { ...next } }]);
  } catch (error) {
    // Another delivery claimed or recorded it first: it is theirs.
    if (error instanceof StoreConflict) return null;
    throw error;
  }
  return { ...next, _id, _version: _version + 1 };
}

/**
 * Delivers one notification at most once: the claim (a compare-and-set) comes before the send, so of two
 * deliverers only one sends; only a crash between the send and its record can repeat that one send.
 */
export async function deliverOne(deps: DeliveryDeps, found: Doc<NotificationRecord>): Promise<'sent' | 'not_subscribed' | 'failed' | 'skipped'> {
  if (!deliverable(found, deps)) return 'skipped';
  const claimed = await update(deps.store, found, { attempts: found.attempts + 1, claimedAt: deps.now });
  if (!claimed) return 'skipped';
  let outcome: 'sent' | 'not_subscribed';
  try {
    outcome = await deps.notifier.send({ id: claimed._id, event: claimed.event, openid: claimed.openid, templateId: claimed.templateId, data: claimed.data, page: claimed.page });
  } catch {
    // The claim is released (a stored undefined is dropped), so the next run may try at once; after the last attempt it stays failed.
    await update(deps.store, claimed, { status: claimed.attempts >= deps.config.maxAttempts ? 'failed' : 'pending', claimedAt: undefined });
    return 'failed';
  }
  await update(deps.store, claimed, { status: outcome, settledAt: deps.now });
  return outcome;
}

/** Delivers the notifications with these ids (those a batch just created), each as deliverOne does. */
export async function deliverIds(deps: DeliveryDeps, ids: readonly string[]): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, failed: 0 };
  for (const id of ids) {
    const doc = await deps.store.get<NotificationRecord>('notifications', id);
    if (!doc) continue;
    const outcome = await deliverOne(deps, doc);
    if (outcome === 'sent') counts.delivered += 1;
    if (outcome === 'failed') counts.failed += 1;
  }
  return counts;
}

/**
 * Delivers pending notifications, oldest first, a batch at a time and at most runBatches batches (a cloud
 * function has a time limit); each batch's query continues after the last one read, so a run ends, and
 * what a run did not reach, or was cut off before, stays pending for the next.
 */
export async function deliverPending(deps: DeliveryDeps): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, failed: 0 };
  let after: { value: number; id: string } | undefined;
  for (let batches = 0; batches < deps.config.runBatches; batches++) {
    const batch = await deps.store.find<NotificationRecord>('notifications', {
      where: { status: 'pending' },
      orderBy: { field: 'createdAt', direction: 'asc' },
      limit: deps.config.batchSize,
      ...(after ? { after } : {}),
    });
    for (const doc of batch) {
      const outcome = await deliverOne(deps, doc);
      if (outcome === 'sent') counts.delivered += 1;
      if (outcome === 'failed') counts.failed += 1;
    }
    if (batch.length < deps.config.batchSize) return counts;
    const last = batch[batch.length - 1];
    after = { value: last.createdAt, id: last._id };
  }
  return counts;
}
