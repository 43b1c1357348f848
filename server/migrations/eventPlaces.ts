// Gives the events written before they carried them their district and China day, and a staff decision its
// days since the first submission (records.ts), a page per atomic batch, so the daily totals find every day's
// events through their index. The store is marked when done: the walk runs once.
import { chinaDate, daysBetween } from '../../miniprogram/domain/dates';
import { eventPlace, isDecision, type ApplicationRecord, type EventRecord } from '../records';
import { WHOLE_COLLECTION, pagesOf } from '../store/pages';
import type { Doc, Store, Write } from '../store/types';

export const EVENT_PLACES_MARKER = 'event-places';

/** Answers how many events were given their place. */
export async function migrateEventPlaces(store: Store): Promise<number> {
  if (await store.get('meta', EVENT_PLACES_MARKER)) return 0;
  let placed = 0;
  // Events are keyed by application and version, so one application's events come together: read it once.
  let app = null as Doc<ApplicationRecord> | null;
  for await (const page of pagesOf<EventRecord>(store, 'events', WHOLE_COLLECTION)) {
    const writes: Write[] = [];
    for (const event of page) {
      if (event.day !== undefined) continue;
      if (app?._id !== event.applicationId) app = await store.get<ApplicationRecord>('applications', event.applicationId);
      if (!app) continue;
      const { _id, _version, ...fields } = event;
      const decision = isDecision(fields) ? { daysToDecision: daysBetween(chinaDate(app.submittedAt), chinaDate(fields.at)) } : {};
      writes.push({ op: 'update', collection: 'events', id: _id, version: _version, doc: { ...fields, ...eventPlace(app.district, fields.at), ...decision } });
      placed++;
    }
    if (writes.length > 0) await store.commit(writes);
  }
  await store.commit([{ op: 'create', collection: 'meta', id: EVENT_PLACES_MARKER, doc: { done: true } }]);
  return placed;
}
