// The `scheduler` function: its one action, `run`, creates the dated notifications due today, delivers what is
// undelivered, deletes what has expired, and keeps the daily totals of the days that have passed.
import { chinaDate } from '../../../miniprogram/domain/dates';
import { AppError } from '../../../miniprogram/domain/errors';
import type { SchedulerResult } from '../../../miniprogram/domain/contract';
import type { Context } from '../../context';
import { DATED_SOURCES } from '../../notifications/dated';
import { notificationConfigOf, notificationDocument } from '../../notifications/documents';
import { deliverPending } from '../../notifications/delivery';
import { keepDailyTotals } from '../../dailyTotalsKeeping';
import { migrateEventPlaces } from '../../migrations/eventPlaces';
import { migrateQueueLanes } from '../../migrations/queueLanes';
import { pruneExpired } from '../../prune';
import { StoreConflict } from '../../store/types';
import type { ActionDefinition, Authorize, HandlersOf } from '../dispatch';

/** Only the entry's own scheduled run may call it: the timer trigger in the cloud, the host itself locally. */
export const authorizeScheduler: Authorize = async (ctx) => {
  if (!ctx.trigger) throw new AppError('FORBIDDEN');
  return ctx;
};

/**
 * Creates each draft unless its id exists: a run repeated, or another at once, adds nothing twice. A run
 * creates at most as many as it may deliver (a cloud function has a time limit); the next run resumes,
 * passing over what exists.
 */
async function createDue(ctx: Context): Promise<number> {
  const today = chinaDate(ctx.now);
  const config = notificationConfigOf(ctx);
  const limit = config.batchSize * config.runBatches;
  let created = 0;
  for (const source of DATED_SOURCES) {
    for await (const draft of source(ctx.store, today)) {
      if (created >= limit) return created;
      const { id, doc } = notificationDocument(config, draft, ctx.now);
      if (await ctx.store.get('notifications', id)) continue;
      try {
        // One write per batch: a notification another run created meanwhile must not undo the rest.
        await ctx.store.commit([{ op: 'create', collection: 'notifications', id, doc: { ...doc } }]);
        created += 1;
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error;
      }
    }
  }
  return created;
}

export const run: ActionDefinition<Record<string, never>, SchedulerResult, false> = {
  needsRequestId: false,
  parse: () => ({}),
  // The run commits as it goes (each notification, each delivery), so a run cut off halfway keeps what it did and the next resumes.
  async run(ctx) {
    const created = await createDue(ctx);
    const counts = ctx.notifications
      ? await deliverPending({ store: ctx.store, notifier: ctx.notifications.notifier, config: ctx.notifications.config, now: ctx.now })
      : { delivered: 0, failed: 0 };
    const config = notificationConfigOf(ctx);
    const pruned = await pruneExpired(ctx.store, ctx.now, config.batchSize, config.runBatches);
    // The cloud runs no start-up migrations: its daily run brings an older store up to date instead, once each
    // (their markers make it a read after that). Applications get their queue lanes and search fields, so an
    // officer finds them; events their district and day, so no day's totals are kept short.
    for (const migrate of [migrateQueueLanes, migrateEventPlaces]) {
      await migrate(ctx.store).catch((error: unknown) => {
        // Another run at once wrote the same first.
        if (!(error instanceof StoreConflict)) throw error;
      });
    }
    // What the totals kept is seen in the stats, not in this answer, whose fields the callers compare whole.
    await keepDailyTotals(ctx.store, chinaDate(ctx.now), config.batchSize * config.runBatches);
    return { data: { created, ...counts, pruned } };
  },
};

export const schedulerActions = { run } satisfies HandlersOf<'scheduler'>;
