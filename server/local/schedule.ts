// The local host's daily scheduler run: at 09:00 of the host's clock, and straight away on start or when the clock is set if that day's 09:00 has passed without a run.
import { chinaDate } from '../../miniprogram/domain/dates';
import type { Store } from '../store/types';

/** The hour (China time) the cloud's timer trigger runs the scheduler; the host keeps the same. */
export const RUN_HOUR = 9;
const CHINA_OFFSET_MS = 8 * 3600_000;
/** How often the host looks at its clock; a run starts at most this long after 09:00. */
const CHECK_MS = 15_000;
/** The meta document that records the China day of the last run, so a restart on the same day does not run again. */
export const LAST_RUN_ID = 'scheduler';

/** The day whose run is owed at `now`: today once its 09:00 has passed, else none. Skipped days are never owed. */
export function dayOwed(now: number, lastRunDay: string | undefined): string | null {
  const today = chinaDate(now);
  const hour = new Date(now + CHINA_OFFSET_MS).getUTCHours();
  return hour >= RUN_HOUR && lastRunDay !== today ? today : null;
}

export interface LocalSchedule {
  /** Runs now if a run is owed (called on start, every few seconds, and when the clock is set). */
  check(): Promise<void>;
  /** No more runs; answers when the one under way, if any, has ended, so the store may then be closed. */
  stop(): Promise<void>;
}

export function localSchedule(store: Store, now: () => number, run: () => Promise<unknown>, onError: (error: unknown) => void): LocalSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const once = async () => {
    const record = await store.get<{ lastRunDay?: string }>('meta', LAST_RUN_ID);
    const day = dayOwed(now(), record?.lastRunDay);
    if (day === null) return;
    await run();
    // The day is recorded after the run: a run cut off halfway is owed again, and creates nothing twice.
    const doc = { lastRunDay: day };
    await store.commit([
      record ? { op: 'update', collection: 'meta', id: LAST_RUN_ID, version: record._version, doc } : { op: 'create', collection: 'meta', id: LAST_RUN_ID, doc },
    ]);
  };
  const check = () =>
    stopped
      ? Promise.resolve()
      : (running ??= once()
          .catch(onError)
          .finally(() => {
            running = undefined;
          }));
  const timer = setInterval(() => void check(), CHECK_MS);
  timer.unref();
  return {
    check,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      return running ?? Promise.resolve();
    },
  };
}
