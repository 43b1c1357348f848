// Gives every application the queue placement its kind and status call for (records.ts queuePlacement), a
// page per atomic batch. A store marked with the current rule needs nothing; when the rule changes, its
// number goes up and the next start places every application again.
import { placed, type ApplicationRecord } from '../records';
import type { Store, Write } from '../store/types';
import { everyDoc } from './walk';

const MARKER = 'queue-lanes';
/** Raise when queuePlacement changes. */
export const PLACEMENT_RULE = 1;

/** Answers how many applications were moved. */
export async function migrateQueueLanes(store: Store): Promise<number> {
  const marker = await store.get<{ rule: number }>('meta', MARKER);
  if (marker?.rule === PLACEMENT_RULE) return 0;
  let moved = 0;
  for await (const page of everyDoc<ApplicationRecord>(store, 'applications')) {
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
