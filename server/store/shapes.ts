// Every query the server makes, by shape: the collection, the fields it filters on by equality and the
// field it is ordered by. Each shape has one index that serves its filter and then its order, so no query
// reads more documents than it answers. The SQLite adapter creates these indexes and refuses a query of
// any other shape. The cloud's database is to declare the same list as ordinary compound indexes (its
// collections are separate, so no index there spans another collection; it has no sparse ones).
import type { CollectionName, Query } from './types';

export interface QueryShape {
  /** The index's name, on every adapter. */
  name: string;
  collection: CollectionName;
  /** Equality fields, in the index's column order. */
  equals: readonly string[];
  orderBy: string;
  /**
   * Only documents that hold the first equality field are indexed (the field is absent on the others), so an
   * index over the few applications that wait for staff does not grow with the settled ones.
   */
  sparse?: boolean;
}

export const QUERY_SHAPES: readonly QueryShape[] = [
  // A resident's own applications, newest first (overview, list, detail, file access).
  { name: 'applications_by_owner', collection: 'applications', equals: ['ownerOpenid'], orderBy: 'submittedAt' },
  // One person's applications by ID number (eligibility, supersession, reminders).
  { name: 'applications_by_person', collection: 'applications', equals: ['idHash'], orderBy: 'submittedAt' },
  // The default staff queue: only what is in staff's view (states.ts waitsForStaff), by district or city-wide, earliest due first.
  { name: 'applications_waiting_by_district', collection: 'applications', equals: ['waiting', 'district'], orderBy: 'dueOn', sparse: true },
  { name: 'applications_waiting', collection: 'applications', equals: ['waiting'], orderBy: 'dueOn', sparse: true },
  // The queue filtered by status (its lane), and by kind too, by district or city-wide.
  { name: 'applications_by_lane_district', collection: 'applications', equals: ['lane', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_lane', collection: 'applications', equals: ['lane'], orderBy: 'dueOn' },
  { name: 'applications_by_lane_kind_district', collection: 'applications', equals: ['lane', 'kind', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_lane_kind', collection: 'applications', equals: ['lane', 'kind'], orderBy: 'dueOn' },
  // A staff search (search.ts), by district or city-wide: an exact name, 4, 5 or 6 trailing ID characters, or
  // the pickup code of a card that is ready (only what is collected in person ever has one, so its index holds only those).
  { name: 'applications_by_name_district', collection: 'applications', equals: ['searchName', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_name', collection: 'applications', equals: ['searchName'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail4_district', collection: 'applications', equals: ['idTail4', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail4', collection: 'applications', equals: ['idTail4'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail5_district', collection: 'applications', equals: ['idTail5', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail5', collection: 'applications', equals: ['idTail5'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail6_district', collection: 'applications', equals: ['idTail6', 'district'], orderBy: 'dueOn' },
  { name: 'applications_by_id_tail6', collection: 'applications', equals: ['idTail6'], orderBy: 'dueOn' },
  { name: 'applications_by_pickup_code_district', collection: 'applications', equals: ['pickupCode', 'lane', 'district'], orderBy: 'dueOn', sparse: true },
  { name: 'applications_by_pickup_code', collection: 'applications', equals: ['pickupCode', 'lane'], orderBy: 'dueOn', sparse: true },
  // An application's status changes in order, and the latest staff views of its ID number.
  { name: 'events_by_application', collection: 'events', equals: ['applicationId'], orderBy: 'seq' },
  { name: 'views_by_application', collection: 'views', equals: ['applicationId'], orderBy: 'at' },
  // One district's status changes of one China day (the daily totals), and the totals it keeps, latest day first.
  { name: 'events_by_district_day', collection: 'events', equals: ['district', 'day'], orderBy: 'at' },
  { name: 'totals_by_district', collection: 'totals', equals: ['district'], orderBy: 'day' },
  // The outbox: what is still to deliver, oldest first; and every notification by time (the development outbox).
  { name: 'notifications_by_status', collection: 'notifications', equals: ['status'], orderBy: 'createdAt' },
  { name: 'notifications_by_time', collection: 'notifications', equals: [], orderBy: 'createdAt' },
  // What expires, by expiry, so the scheduler prunes the expired first (prune.ts).
  { name: 'requests_by_expiry', collection: 'requests', equals: [], orderBy: 'expiresAt' },
  { name: 'tokens_by_expiry', collection: 'tokens', equals: [], orderBy: 'expiresAt' },
  { name: 'verifications_by_expiry', collection: 'verifications', equals: [], orderBy: 'expiresAt' },
];

/** Paging a whole collection by key needs no index of its own: the primary key serves it. */
export const BY_KEY = 'primary key';

/** The shape a query has, `BY_KEY` for a walk of a collection by key, or undefined when no index serves it. */
export function shapeOf(collection: CollectionName, query: Pick<Query, 'where' | 'orderBy'>): QueryShape | typeof BY_KEY | undefined {
  const fields = Object.keys(query.where);
  if (fields.length === 0 && query.orderBy.field === '_id') return BY_KEY;
  return QUERY_SHAPES.find(
    (shape) =>
      shape.collection === collection &&
      shape.orderBy === query.orderBy.field &&
      shape.equals.length === fields.length &&
      shape.equals.every((field) => fields.includes(field)) &&
      // A sparse index holds no document without its first field, so it cannot answer a query for that absence.
      !(shape.sparse && query.where[shape.equals[0]] === null),
  );
}
