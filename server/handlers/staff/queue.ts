// The staff queue: applications of the staff member's districts waiting for them, earliest due first.
import { APPLICATION_KINDS, STATUSES, type ApplicationKind, type Page, type StaffQueueItem, type Status } from '../../../miniprogram/domain/contract';
import { waitsForStaff } from '../../../miniprogram/domain/states';
import { queuePlacement, type ApplicationRecord } from '../../records';
import type { Doc, Scalar } from '../../store/types';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { encodeCursor, parsePage } from '../paging';
import { staffOf } from './access';
import { queueItem } from './views';

type Cursor = { dueOn: string; id: string };

interface QueuePayload {
  status?: Status;
  kind?: ApplicationKind;
  cursor?: Cursor;
  limit: number;
}

/** The statuses in which something may wait for staff; which kinds wait in each is waitsForStaff's to say. */
const WAITING_STATUSES: readonly Status[] = ['pending', 'approved', 'ready'];

/**
 * The equality filters of one queue screen, each served by one index in the queue's order (shapes.ts): the
 * default queue reads only what waits for staff, a status reads its lane, and nothing reads settled records
 * it does not show.
 */
function filtersFor(status: Status | undefined, kind: ApplicationKind | undefined): Record<string, Scalar>[] {
  if (status) return [{ lane: kind ? queuePlacement(kind, status).lane : status, ...(kind ? { kind } : {}) }];
  if (!kind) return [{ waiting: true }];
  return WAITING_STATUSES.filter((s) => waitsForStaff(kind, s)).map((s) => ({ lane: queuePlacement(kind, s).lane, kind }));
}

export const queue: ActionDefinition<QueuePayload, Page<StaffQueueItem>, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payload === undefined ? {} : payloadObject(c, payload);
    if (!p) return undefined;
    const status = p.status === undefined ? undefined : c.oneOf('status', p.status, STATUSES, '无效的状态');
    const kind = p.kind === undefined ? undefined : c.oneOf('kind', p.kind, APPLICATION_KINDS, '无效的办件类型');
    return { ...parsePage<Cursor>(c, p, { dueOn: 'string', id: 'string' }), ...(status ? { status } : {}), ...(kind ? { kind } : {}) };
  },
  async run(ctx, { status, kind, cursor, limit }) {
    const staff = staffOf(ctx);
    // Staff of the whole city need no district in the query: one query per filter, not per district too.
    const districts: (string | undefined)[] = staff.districts === 'all' ? [undefined] : staff.districts;
    const queries = filtersFor(status, kind).flatMap((where) => districts.map((district) => ({ ...where, ...(district ? { district } : {}) })));
    const results = await Promise.all(
      queries.map((where) =>
        ctx.store.find<ApplicationRecord>('applications', {
          where,
          orderBy: { field: 'dueOn', direction: 'asc' },
          limit: limit + 1,
          ...(cursor ? { after: { value: cursor.dueOn, id: cursor.id } } : {}),
        }),
      ),
    );
    const merged: Doc<ApplicationRecord>[] = results.flat().sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const page = merged.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: {
        items: page.map((app) => queueItem(app, ctx.now)),
        nextCursor: merged.length > limit && last ? encodeCursor({ dueOn: last.dueOn, id: last._id }) : null,
      },
    };
  },
};
