// The documents the server keeps, and the one way an application changes status: a compare-and-set
// update plus an event appended to its log, in the same batch.
import {
  isCollected,
  type Applicant,
  type ApplicationKind,
  type CorrectionItem,
  type Materials,
  type ReissueReason,
  type Residence,
  type Status,
} from '../miniprogram/domain/contract';
import { chinaDate, daysBetween } from '../miniprogram/domain/dates';
import { canTransition, waitsForStaff, type Actor } from '../miniprogram/domain/states';
import { AppError } from '../miniprogram/domain/errors';
import { searchFieldsOf } from './search';
import type { Doc, Store, Write } from './store/types';

export interface ApplicationRecord {
  kind: ApplicationKind;
  status: Status;
  ownerOpenid: string;
  /** personKey(idNumber): finds a person's applications without querying by the number itself. */
  idHash: string;
  district: string;
  applicant: Applicant;
  residence?: Residence;
  materials: Materials;
  consent: { noticeVersion: string; agreedAt: number };
  submittedAt: number;
  /** The latest submission or resubmission: the review deadline counts from it. */
  lastSubmittedAt: number;
  declaredOn?: string;
  dueOn: string;
  updatedAt: number;
  /** Set when a card is ready: the resident shows it at the counter. Never in a staff response. */
  pickupCode?: string;
  /** A card's issue date: the China-time date it was approved. */
  issuedOn?: string;
  /** A replacement or renewal's reason, and the card fee (yuan) in force when it was applied for. */
  reason?: ReissueReason;
  fee?: number;
  /** When the holder reported this card lost (through a replacement). */
  reportedLostAt?: number;
  /** Where the staff queue finds it; set by the writes below from kind and status (queuePlacement). */
  lane?: Lane;
  waiting?: true;
  /** What staff search by (search.ts searchFieldsOf), from the applicant; set by the same writes. */
  searchName?: string;
  idTail4?: string;
  idTail5?: string;
  idTail6?: string;
}

/**
 * The staff queue's status filter reads an application's lane: its status, except that an approved
 * declaration or endorsement is settled (`done`), so the approved lane holds only cards still to make.
 */
export type Lane = Status | 'done';

/**
 * The fields the queue's indexes are built on, derived from kind and status whenever an application is written:
 * `waiting` is present only while staff have something to do, so the default queue's index holds nothing settled.
 */
export function queuePlacement(kind: ApplicationKind, status: Status): { lane: Lane; waiting?: true } {
  const lane: Lane = status === 'approved' && !isCollected(kind) ? 'done' : status;
  return waitsForStaff(kind, status) ? { lane, waiting: true } : { lane };
}

/** The record with its queue placement and search fields brought up to date with its kind, status and applicant. */
export function placed(record: ApplicationRecord): ApplicationRecord {
  const { lane: _lane, waiting: _waiting, ...rest } = record;
  return { ...rest, ...queuePlacement(record.kind, record.status), ...searchFieldsOf(record.applicant) };
}

export interface EventRecord {
  applicationId: string;
  seq: number;
  at: number;
  actor: ActorRecord;
  from: Status | null;
  to: Status;
  /** Absent for status changes; 'id_viewed' only in stores written before views had their own collection. */
  type?: 'id_viewed';
  note?: string;
  items?: CorrectionItem[];
  reasons?: string[];
  /** A resubmission's `pending` event: what it changed, for staff to see. */
  changes?: ItemChange[];
  /** Where and on which China day it happened: the daily totals read a district's day by these (absent on old events until migrated). */
  district?: string;
  day?: string;
  /** On a staff decision (approved, rejected): calendar days from the China date of the first submission. */
  daysToDecision?: number;
}

/** Who did something; a staff member also by the name and badge their record had then (absent on old events). */
export interface ActorRecord {
  role: Actor;
  openid?: string;
  name?: string;
  badge?: string;
}

/** One item a resubmission changed: a field's stored text before and after, or a material's file ids added and removed. */
export interface ItemChange {
  item: string;
  before?: string;
  after?: string;
  added?: string[];
  removed?: string[];
}

/** The district and China day of an event at `at`: how a day's events of a district are found. */
export function eventPlace(district: string, at: number): { district: string; day: string } {
  return { district, day: chinaDate(at) };
}

/** Whether a status change is a decision the daily totals count: staff approving or rejecting. */
export function isDecision(event: Pick<EventRecord, 'actor' | 'to'>): boolean {
  return event.actor.role === 'staff' && (event.to === 'approved' || event.to === 'rejected');
}

/** A staff member saw the application's full ID number, at the status of version `seq`. */
export interface ViewRecord {
  applicationId: string;
  seq: number;
  at: number;
  actor: ActorRecord & { role: 'staff'; openid: string };
  /** Views by the same officer soon after this one are counted here (absent: one view), the latest at `lastAt`. */
  count?: number;
  lastAt?: number;
}

/** Pending declarations are unique per person through this keyed lock document. */
export function pendingLockId(kind: ApplicationKind, idHash: string): string {
  return `pending:${kind}:${idHash}`;
}

/** Events are keyed by application and version, so two writers can never append the same step. */
export function eventId(applicationId: string, seq: number): string {
  return `${applicationId}:${String(seq).padStart(6, '0')}`;
}

/**
 * The writes of a first submission, in one batch: the application, its first event, the lock that
 * keeps it the person's only pending one of its kind, and the verification token, used up.
 */
export function submissionWrites(id: string, record: ApplicationRecord, token: Doc<object>): Write[] {
  const event: EventRecord = {
    applicationId: id,
    seq: 1,
    at: record.submittedAt,
    actor: { role: 'owner', openid: record.ownerOpenid },
    from: null,
    to: record.status,
    ...eventPlace(record.district, record.submittedAt),
  };
  const { _id: tokenId, _version: tokenVersion, ...tokenFields } = token;
  return [
    { op: 'create', collection: 'applications', id, doc: { ...placed(record) } },
    { op: 'create', collection: 'events', id: eventId(id, 1), doc: { ...event } },
    { op: 'create', collection: 'locks', id: pendingLockId(record.kind, record.idHash), doc: { applicationId: id, at: record.submittedAt } },
    { op: 'update', collection: 'tokens', id: tokenId, version: tokenVersion, doc: { ...tokenFields, used: true } },
  ];
}

/** Why a submission's batch was refused: its token was used meanwhile, or another application holds the lock. */
export function submissionConflict(pending: string): (write: Write) => AppError {
  return (write) => (write.collection === 'tokens' ? new AppError('VERIFICATION_FAILED') : new AppError('CONFLICT', pending));
}

/**
 * The writes of one status change, refused as CONFLICT unless the state machine allows it. The
 * update is conditional on the version read, so of two concurrent changes only one lands.
 */
export function transition(
  app: Doc<ApplicationRecord>,
  to: Status,
  actor: EventRecord['actor'],
  now: number,
  extra: { note?: string; items?: EventRecord['items']; reasons?: string[]; changes?: Partial<ApplicationRecord>; itemChanges?: ItemChange[] } = {},
): { writes: Write[]; next: Doc<ApplicationRecord> } {
  if (!canTransition(app.kind, app.status, to, actor.role)) throw new AppError('CONFLICT');
  const { _id, _version, ...fields } = app;
  const record = placed({ ...fields, ...extra.changes, status: to, updatedAt: now });
  const seq = _version + 1;
  const decided = isDecision({ actor, to });
  const event: EventRecord = {
    applicationId: _id,
    seq,
    at: now,
    actor,
    from: app.status,
    to,
    ...eventPlace(record.district, now),
    ...(decided ? { daysToDecision: daysBetween(chinaDate(app.submittedAt), chinaDate(now)) } : {}),
    ...(extra.note ? { note: extra.note } : {}),
    ...(extra.items ? { items: extra.items } : {}),
    ...(extra.reasons ? { reasons: extra.reasons } : {}),
    ...(extra.itemChanges ? { changes: extra.itemChanges } : {}),
  };
  return {
    writes: [
      { op: 'update', collection: 'applications', id: _id, version: _version, doc: { ...record } },
      { op: 'create', collection: 'events', id: eventId(_id, seq), doc: { ...event } },
    ],
    next: { ...record, _id, _version: seq },
  };
}

/** Deletes the person's pending lock of this kind when it is this application's (it stops being pending). */
export async function releasePendingLock(store: Store, app: Doc<ApplicationRecord>): Promise<Write[]> {
  const lock = await store.get<{ applicationId: string }>('locks', pendingLockId(app.kind, app.idHash));
  return lock && lock.applicationId === app._id ? [{ op: 'delete', collection: 'locks', id: lock._id, version: lock._version }] : [];
}
