// The staff queue: applications of the staff member's districts still in their view, earliest due first; or,
// with a query, every application of those districts it names, whatever its status.
import { APPLICATION_KINDS, STATUSES, type ApplicationKind, type Page, type StaffQueueItem, type Status } from '../../../miniprogram/domain/contract';
import { waitsForStaff } from '../../../miniprogram/domain/states';
import { queuePlacement, type ApplicationRecord } from '../../records';
import { readingsOf } from '../../search';
import type { Doc, Scalar } from '../../store/types';
import type { Context } from '../../context';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { encodeCursor, parsePage } from '../paging';
import { staffOf } from './access';
import { queueItem } from './views';

type Cursor = { dueOn: string; id: string };

interface QueuePayload {
  status?: Status;
  kind?: ApplicationKind;
  query?: string;
  cursor?: Cursor;
  limit: number;
}

/** The longest query read: more than any name, code or id it is read as. */
const MAX_QUERY_LENGTH = 64;
const QUERY_MESSAGE = '请输入姓名、身份证号后 4–6 位、办件编号或领取码';

/** The statuses in which something may be in staff's view; which kinds are in each is waitsForStaff's to say. */
const WAITING_STATUSES: readonly Status[] = ['pending', 'correction_requested', 'approved', 'ready'];

/**
 * The equality filters of one queue screen, each served by one index in the queue's order (shapes.ts): the
 * default queue reads only what is in staff's view, a status reads its lane, and nothing reads settled records
 * it does not show.
 */
function filtersFor(status: Status | undefined, kind: ApplicationKind | undefined): Record<string, Scalar>[] {
  if (status) return [{ lane: kind ? queuePlacement(kind, status).lane : status, ...(kind ? { kind } : {}) }];
  if (!kind) return [{ waiting: true }];
  return WAITING_STATUSES.filter((s) => waitsForStaff(kind, s)).map((s) => ({ lane: queuePlacement(kind, s).lane, kind }));
}

const byDueThenId = (a: Doc<ApplicationRecord>, b: Doc<ApplicationRecord>) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

const isAfter = (app: Doc<ApplicationRecord>, cursor: Cursor) => app.dueOn > cursor.dueOn || (app.dueOn === cursor.dueOn && app._id > cursor.id);

/** The applications a query reads by key, kept when they are in the caller's districts and beyond the cursor. */
async function byKey(ctx: Context, ids: string[], inDistricts: (district: string) => boolean, cursor: Cursor | undefined): Promise<Doc<ApplicationRecord>[]> {
  const found = await Promise.all(ids.map((id) => ctx.store.get<ApplicationRecord>('applications', id)));
  return found.filter((app): app is Doc<ApplicationRecord> => app !== null && inDistricts(app.district) && (!cursor || isAfter(app, cursor)));
}

export const queue: ActionDefinition<QueuePayload, Page<StaffQueueItem>, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payload === undefined ? {} : payloadObject(c, payload);
    if (!p) return undefined;
    const status = p.status === undefined ? undefined : c.oneOf('status', p.status, STATUSES, '无效的状态');
    const kind = p.kind === undefined ? undefined : c.oneOf('kind', p.kind, APPLICATION_KINDS, '无效的办件类型');
    const query = p.query === undefined ? undefined : c.text('query', p.query, 1, MAX_QUERY_LENGTH, QUERY_MESSAGE);
    return { ...parsePage<Cursor>(c, p, { dueOn: 'string', id: 'string' }), ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(query ? { query } : {}) };
  },
  async run(ctx, { status, kind, query, cursor, limit }) {
    const staff = staffOf(ctx);
    // Staff of the whole city need no district in the query: one query per filter, not per district too.
    const districts: (string | undefined)[] = staff.districts === 'all' ? [undefined] : staff.districts;
    const inDistricts = (district: string) => staff.districts === 'all' || staff.districts.includes(district);
    // A query names applications in any status and of any kind: the screen's filters do not narrow it.
    const readings = query === undefined ? filtersFor(status, kind).map((where) => ({ where })) : readingsOf(query);
    const ids = readings.flatMap((r) => ('byId' in r ? [r.byId] : []));
    const queries = readings.flatMap((r) => ('where' in r ? districts.map((district) => ({ ...r.where, ...(district ? { district } : {}) })) : []));
    const results = await Promise.all([
      byKey(ctx, ids, inDistricts, cursor),
      ...queries.map((where) =>
        ctx.store.find<ApplicationRecord>('applications', {
          where,
          orderBy: { field: 'dueOn', direction: 'asc' },
          limit: limit + 1,
          ...(cursor ? { after: { value: cursor.dueOn, id: cursor.id } } : {}),
        }),
      ),
    ]);
    // One application may answer two readings of a query (its id and its name): it is listed once.
    const unique = new Map(results.flat().map((app) => [app._id, app]));
    const merged = [...unique.values()].sort(byDueThenId);
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
