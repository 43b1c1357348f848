// How the staff timeline names who did what: staff by name and badge number, never by openid; the
// applicant and the system by their role alone.
import type { StaffTimelineEntry } from '../../../miniprogram/domain/contract';
import type { Context, StaffRecord } from '../../context';
import type { ActorRecord } from '../../records';

export type ActorNamer = (actor: ActorRecord) => StaffTimelineEntry['actor'];

/**
 * A namer for these actors. Each keeps the name and badge it was written with; an officer's entries written
 * before those were kept take their staff record's current ones, one read per such officer other than the
 * caller (whose record the authorisation read). An officer revoked since (no record) is shown by role alone
 * on those old entries.
 */
export async function actorNamer(ctx: Context, actors: readonly ActorRecord[]): Promise<ActorNamer> {
  const unnamed = [
    ...new Set(
      actors.flatMap((a) => (a.role === 'staff' && a.openid !== undefined && a.openid !== ctx.openid && (a.name === undefined || a.badge === undefined) ? [a.openid] : [])),
    ),
  ];
  const records = await Promise.all(unnamed.map((openid) => ctx.store.get<StaffRecord>('staff', openid)));
  const current = new Map<string, StaffRecord | null | undefined>(unnamed.map((openid, i) => [openid, records[i]]));
  current.set(ctx.openid, ctx.staff);
  return (actor) => {
    if (actor.role !== 'staff') return { role: actor.role };
    const record = actor.openid === undefined ? undefined : current.get(actor.openid);
    const name = actor.name ?? record?.name;
    const badge = actor.badge ?? record?.badge;
    return { role: 'staff', ...(name ? { name } : {}), ...(badge ? { badge } : {}) };
  };
}
