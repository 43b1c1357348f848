// The resident's own applications: the overview of their standing, the list, one in detail, withdrawing.
import type { ApplicationDetail, ApplicationView, Overview, Page } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { overviewOf } from '../../../miniprogram/domain/eligibility';
import { AppError } from '../../../miniprogram/domain/errors';
import type { Context } from '../../context';
import { releasePendingLock, transition, type ApplicationRecord } from '../../records';
import type { Doc, Write } from '../../store/types';
import { eventsOf, historyItem, historyOf, residentDetail, residentView } from '../../views';
import { parseId, payloadObject, type ActionDefinition } from '../dispatch';
import { encodeCursor, parsePage } from '../paging';

export const overview: ActionDefinition<true, Overview, false> = {
  needsRequestId: false,
  // No payload is needed; one that is given must still be an object, as for every action.
  parse: (c, payload) => (payload === undefined || payloadObject(c, payload) ? true : undefined),
  async run(ctx) {
    const [history, staff] = await Promise.all([historyOf(ctx), ctx.store.get('staff', ctx.openid)]);
    // Whether to show the staff entry comes from the server's staff records, never from the client.
    return { data: { ...overviewOf(history.map(historyItem), chinaDate(ctx.now), ctx.settings.cardFee), isStaff: staff !== null } };
  },
};

type Cursor = { at: number; id: string };

export const listApplications: ActionDefinition<{ cursor?: Cursor; limit: number }, Page<ApplicationView>, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payload === undefined ? {} : payloadObject(c, payload);
    return p && parsePage<Cursor>(c, p, { at: 'number', id: 'string' });
  },
  async run(ctx, { cursor, limit }) {
    const [docs, history] = await Promise.all([
      ctx.store.find<ApplicationRecord>('applications', {
        where: { ownerOpenid: ctx.openid },
        orderBy: { field: 'submittedAt', direction: 'desc' },
        limit: limit + 1,
        ...(cursor ? { after: { value: cursor.at, id: cursor.id } } : {}),
      }),
      historyOf(ctx),
    ]);
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    const items = history.map(historyItem);
    return {
      data: {
        items: page.map((app) => residentView(app, items, ctx.now)),
        nextCursor: docs.length > limit && last ? encodeCursor({ at: last.submittedAt, id: last._id }) : null,
      },
    };
  },
};

/** The caller's own application; anyone else's is NOT_FOUND, exactly like one that does not exist. */
export async function ownApplication(ctx: Context, id: string): Promise<Doc<ApplicationRecord>> {
  const app = await ctx.store.get<ApplicationRecord>('applications', id);
  if (!app || app.ownerOpenid !== ctx.openid) throw new AppError('NOT_FOUND');
  return app;
}

export const getApplication: ActionDefinition<{ id: string }, ApplicationDetail, false> = {
  needsRequestId: false,
  parse: parseId,
  async run(ctx, { id }) {
    const app = await ownApplication(ctx, id);
    const [events, history] = await Promise.all([eventsOf(ctx, id), historyOf(ctx)]);
    return { data: await residentDetail(app, history.map(historyItem), events, ctx) };
  },
};

export const withdraw: ActionDefinition<{ id: string }, ApplicationView, true> = {
  needsRequestId: true,
  parse: parseId,
  async run(ctx, { id }) {
    const app = await ownApplication(ctx, id);
    const { writes, next } = transition(app, 'withdrawn', { role: 'owner', openid: ctx.openid }, ctx.now, {
      note: '申请人撤回',
    });
    const all: Write[] = [...writes, ...(await releasePendingLock(ctx.store, app))];
    const history = (await historyOf(ctx)).map((a) => historyItem(a._id === id ? next : a));
    return { data: residentView(next, history, ctx.now), writes: all };
  },
};
