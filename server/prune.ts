// What expires is deleted by the scheduler, oldest first, in bounded batches: idempotency records once a
// repeat can no longer come, verifications and verification tokens once they can no longer be used. So
// these collections hold days of traffic, not years.
import { StoreConflict, type Store } from './store/types';

/** How long a write's answer is kept for a repeat of the same request: far longer than any client retries it. */
export const REQUEST_RECORD_DAYS = 7;
export const REQUEST_RECORD_MS = REQUEST_RECORD_DAYS * 24 * 3600 * 1000;

/**
 * When a record expires. One written before records carried an expiry is given the time a request record
 * from then would have had: a repeat of a write made just before an upgrade is still answered as it was.
 */
export function expiryOf(doc: { expiresAt?: number; at?: number; createdAt?: number }): number {
  return doc.expiresAt ?? (doc.at ?? doc.createdAt ?? 0) + REQUEST_RECORD_MS;
}

/** The collections that expire, each with an index by `expiresAt` (shapes.ts). */
const EXPIRING = ['requests', 'tokens', 'verifications'] as const;

/** Deletes what expired by `now`, at most `batches` pages of `batchSize` in each collection; answers how many. */
export async function pruneExpired(store: Store, now: number, batchSize: number, batches: number): Promise<number> {
  let pruned = 0;
  for (const collection of EXPIRING) {
    for (let i = 0; i < batches; i++) {
      // Records without an expiry (written before there was one) come first; the rest wait until those have gone.
      const page = await store.find<{ expiresAt?: number; at?: number; createdAt?: number }>(collection, {
        where: {},
        orderBy: { field: 'expiresAt', direction: 'asc' },
        limit: batchSize,
      });
      const expired = page.filter((doc) => expiryOf(doc) <= now);
      if (expired.length === 0) break;
      try {
        await store.commit(expired.map((doc) => ({ op: 'delete' as const, collection, id: doc._id, version: doc._version })));
        pruned += expired.length;
      } catch (error) {
        // One of them changed meanwhile (an expired request answered anew): the next run takes this page again.
        if (!(error instanceof StoreConflict)) throw error;
        break;
      }
      if (expired.length < batchSize) break;
    }
  }
  return pruned;
}
