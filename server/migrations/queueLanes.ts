// Gives every application the queue placement its kind and status call for (records.ts queuePlacement), a
// page per atomic batch. The store is marked with the rule it was placed by, as the placement of every kind
// in every status: when the rule changes (here or in the states it reads), the next start places again.
import { APPLICATION_KINDS, STATUSES } from '../../miniprogram/domain/contract';
import { sha256 } from '../ids';
import { placed, queuePlacement, type ApplicationRecord } from '../records';
import type { Store, Write } from '../store/types';
import { WHOLE_COLLECTION, pagesOf } from '../store/pages';

const MARKER = 'queue-lanes';

/** The rule as data: a digest of where every kind in every status is placed. */
export const PLACEMENT_RULE = sha256(JSON.stringify(APPLICATION_KINDS.flatMap((kind) => STATUSES.map((status) => [kind, status, queuePlacement(kind, status)]))));

/** Answers how many applications were moved. */
export async function migrateQueueLanes(store: Store): Promise<number> {
  const marker = await store.get<{ rule: string }>('meta', MARKER);
  if (marker?.rule === PLACEMENT_RULE) return 0;
  let moved = 0;
  for await (const page of pagesOf<ApplicationRecord>(store, 'applications', WHOLE_COLLECTION)) {
    const writes: Write[] = [];
    for (const app of page) {
      const { _id, _version, ...fields } = app;
      const next = placed(fields);
      if (next.lane === fields.lane && next.waiting === fields.waiting) continue;
      writes.push({ op: 'update', collection: 'applications', id: _id, version: _version, doc: { ...next } });
      moved++;
    }
    if (writes.length > 0) await store.commit(writes);
  }
  await store.commit([
    marker
      ? { op: 'update', collection: 'meta', id: MARKER, version: marker._version, doc: { rule: PLACEMENT_RULE } }
      : { op: 'create', collection: 'meta', id: MARKER, doc: { rule: PLACEMENT_RULE } },
  ]);
  return moved;
}
