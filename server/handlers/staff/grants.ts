// Supervisors grant and revoke the staff roles of their own districts through the staff function; each
// change is recorded in the audit with who made it. No one changes their own role, so nobody can widen
// their districts or lock the last supervisor out by mistake.
import type { StaffGrant, StaffMember } from '../../../miniprogram/domain/contract';
import { NAME_PATTERN } from '../../../miniprogram/domain/declarationForm';
import { DISTRICTS } from '../../../miniprogram/domain/districts';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { BADGE_LENGTH, FIELD_LENGTHS } from '../../../miniprogram/domain/limits';
import type { Checker } from '../../../miniprogram/domain/validation';
import type { Context, StaffRecord } from '../../context';
import type { Doc, Write } from '../../store/types';
import { invalid, payloadObject, type ActionDefinition } from '../dispatch';
import { staffOf } from './access';

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const BADGE = /^[A-Za-z0-9]+$/;
const DISTRICT_CODES: readonly string[] = DISTRICTS.map((d) => d.code);

/** One change of a staff role, as the audit keeps it. */
export interface AuditRecord {
  at: number;
  action: 'grantStaff' | 'revokeStaff';
  /** Who made the change, as the timeline shows staff; the deployment script for the first supervisor. */
  actor: { openid: string; name?: string; badge?: string };
  /** Whose role changed. */
  openid: string;
  before: StaffRecord | null;
  after: StaffRecord | null;
}

export function readOpenid(c: Checker, value: unknown): string | undefined {
  return typeof value === 'string' && OPENID.test(value) ? value : c.fail('openid', FIELD_MESSAGES.openid);
}

export function readDistricts(c: Checker, value: unknown): string[] | 'all' | undefined {
  if (value === 'all') return 'all';
  // Each district once: the list's length is judged before any entry is read, so a huge list costs nothing.
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= DISTRICT_CODES.length &&
    value.every((d) => typeof d === 'string' && DISTRICT_CODES.includes(d)) &&
    new Set(value).size === value.length;
  return valid ? (value as string[]) : c.fail('districts', FIELD_MESSAGES.districts);
}

/** The name and badge number a grant carries; `required` is false only for the local host's development grants. */
export function readIdentity(c: Checker, p: Record<string, unknown>, required: boolean): { name?: string; badge?: string } {
  const identity: { name?: string; badge?: string } = {};
  if (required || p.name !== undefined) {
    const name = c.text('name', p.name, FIELD_LENGTHS.name.min, FIELD_LENGTHS.name.max, FIELD_MESSAGES.staffName);
    if (name !== undefined) identity.name = c.rule('name', name, NAME_PATTERN.test(name) ? null : FIELD_MESSAGES.staffName);
  }
  if (required || p.badge !== undefined) {
    const badge = c.text('badge', p.badge, BADGE_LENGTH.min, BADGE_LENGTH.max, FIELD_MESSAGES.badge);
    if (badge !== undefined) identity.badge = c.rule('badge', badge, BADGE.test(badge) ? null : FIELD_MESSAGES.badge);
  }
  return identity;
}

export function readSupervisor(c: Checker, value: unknown): boolean | undefined {
  if (value === undefined) return false;
  return typeof value === 'boolean' ? value : c.fail('supervisor', FIELD_MESSAGES.supervisor);
}

/** Whether every district of `inner` is one of `outer`'s. */
function within(inner: string[] | 'all', outer: string[] | 'all'): boolean {
  if (outer === 'all') return true;
  return inner !== 'all' && inner.every((d) => outer.includes(d));
}

/** The caller when they may change `openid`'s role: a supervisor, and not changing their own. */
function supervisorFor(ctx: Context, openid: string): StaffRecord {
  const caller = staffOf(ctx);
  if (caller.supervisor !== true) throw new AppError('FORBIDDEN');
  if (openid === ctx.openid) throw new AppError('CONFLICT', '不能修改自己的权限，请另一位主管办理');
  return caller;
}

/** The audit's entry of one change, under a key that sorts by time. */
export function auditWrite(
  at: number,
  id: string,
  action: AuditRecord['action'],
  actor: AuditRecord['actor'],
  openid: string,
  before: Doc<StaffRecord> | null,
  after: StaffRecord | null,
): Write {
  const strip = (record: Doc<StaffRecord>): StaffRecord => {
    const { _id, _version, ...fields } = record;
    return fields;
  };
  const doc: AuditRecord = { at, action, actor, openid, before: before && strip(before), after };
  return { op: 'create', collection: 'audit', id: `${String(at).padStart(15, '0')}:${id}`, doc: { ...doc } };
}

/** A staff record's write: created, or replaced at the version read (compare-and-set). */
export function roleWrite(openid: string, existing: Doc<StaffRecord> | null, record: StaffRecord): Write {
  return existing
    ? { op: 'update', collection: 'staff', id: openid, version: existing._version, doc: { ...record } }
    : { op: 'create', collection: 'staff', id: openid, doc: { ...record } };
}

/** A staff role given or changed: the record's write and its audit entry. */
export function grantWrites(at: number, id: string, actor: AuditRecord['actor'], openid: string, existing: Doc<StaffRecord> | null, record: StaffRecord): Write[] {
  return [roleWrite(openid, existing, record), auditWrite(at, id, 'grantStaff', actor, openid, existing, record)];
}

const actorOf = (ctx: Context, caller: StaffRecord): AuditRecord['actor'] => ({ openid: ctx.openid, name: caller.name, badge: caller.badge });

export const member = (openid: string, record: StaffRecord): StaffMember => ({
  openid,
  districts: record.districts,
  name: record.name ?? '',
  badge: record.badge ?? '',
  supervisor: record.supervisor === true,
});

export const grantStaff: ActionDefinition<StaffGrant, StaffMember, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const openid = readOpenid(c, p.openid);
    const districts = readDistricts(c, p.districts);
    const { name, badge } = readIdentity(c, p, true);
    const supervisor = readSupervisor(c, p.supervisor);
    return openid && districts && name && badge && supervisor !== undefined ? { openid, districts, name, badge, supervisor } : undefined;
  },
  async run(ctx, grant) {
    const caller = supervisorFor(ctx, grant.openid);
    if (!within(grant.districts, caller.districts)) throw invalid({ districts: FIELD_MESSAGES.districtsBeyondYours });
    const existing = await ctx.store.get<StaffRecord>('staff', grant.openid);
    // A role that reaches beyond the caller's districts is not theirs to change.
    if (existing && !within(existing.districts, caller.districts)) throw new AppError('FORBIDDEN');
    const record: StaffRecord = { districts: grant.districts, name: grant.name, badge: grant.badge, supervisor: grant.supervisor === true };
    return { data: member(grant.openid, record), writes: grantWrites(ctx.now, ctx.newId(), actorOf(ctx, caller), grant.openid, existing, record) };
  },
};

export const revokeStaff: ActionDefinition<{ openid: string }, { revoked: true }, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    const openid = p && readOpenid(c, p.openid);
    return openid ? { openid } : undefined;
  },
  async run(ctx, { openid }) {
    const caller = supervisorFor(ctx, openid);
    const existing = await ctx.store.get<StaffRecord>('staff', openid);
    // Someone of another district's staff is as unknown to this supervisor as someone who is not staff.
    if (!existing || !within(existing.districts, caller.districts)) throw new AppError('NOT_FOUND');
    return {
      data: { revoked: true },
      writes: [
        { op: 'delete', collection: 'staff', id: openid, version: existing._version },
        auditWrite(ctx.now, ctx.newId(), 'revokeStaff', actorOf(ctx, caller), openid, existing, null),
      ],
    };
  },
};
