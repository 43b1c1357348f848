// Gives every application the fields the staff queue finds it by (records.ts placed(): its queue placement from
// kind and status, its search fields from the applicant), a page per atomic batch. The store is marked with the
// rule it was placed by, as data: when the rule changes (here, in the states it reads or in how search fields are
// cut), the next start places again, and a store written before a field existed gets it.
import { APPLICATION_KINDS, STATUSES } from '../../miniprogram/domain/contract';
import { sha256 } from '../ids';
import { placed, queuePlacement, type ApplicationRecord } from '../records';
import { searchFieldsOf } from '../search';
import type { Store, Write } from '../store/types';
import { WHOLE_COLLECTION, pagesOf } from '../store/pages';

const MARKER = 'queue-lanes';

/** An applicant whose search fields show every step of their derivation: folding, spacing, case and tails. */
const SAMPLE_APPLICANT = { name: ' Ａｂ  ·  c ', idNumber: '43010419900101123x' };

/** The rule as data: where every kind in every status is placed, and the search fields of the sample applicant. */
export const PLACEMENT_RULE = sha256(
  JSON.stringify({
    placement: APPLICATION_KINDS.flatMap((kind) => STATUSES.map((status) => [kind, status, queuePlacement(kind, status)])),
    search: searchFieldsOf(SAMPLE_APPLICANT),
  }),
);

/** Whether placing changed a field: placed() keeps every field it does not derive as the same value. */
function changes(before: ApplicationRecord, after: ApplicationRecord): boolean {
  const was = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  return Object.keys({ ...was, ...now }).some((field) => was[field] !== now[field]);
}

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
      if (!changes(fields, next)) continue;
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
