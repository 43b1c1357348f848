// The queue's search: what the field finds, and what a scanned pickup code leads to.
import type { StaffQueueItem } from '../../../domain/contract';

export const SEARCH_PLACEHOLDER = '姓名、身份证后4–6位、办件编号或领取码';

/** The server's limit on a query, after trimming. */
export const QUERY_MAX = 64;

export const NO_CODE_MATCH = '没有找到这个领取码对应的待领取证件';

/** What the field sends: trimmed, or null when there is nothing to search for. */
export function queryOf(typed: string): string | null {
  const query = typed.trim();
  return query ? query.slice(0, QUERY_MAX) : null;
}

/** What a search that found nothing says, naming what was searched. */
export function noResults(query: string): string {
  return `没有找到与“${query}”相符的办件`;
}

export type ScanOutcome = { open: string } | { none: true } | { list: StaffQueueItem[] };

/**
 * A scanned code's answer: its one card waiting for pickup opens straight away; nothing waiting for
 * pickup is said plainly; anything else (never expected of a code) is listed for the officer to choose.
 */
export function scanOutcome(items: StaffQueueItem[]): ScanOutcome {
  const ready = items.filter((item) => item.status === 'ready');
  if (ready.length === 1) return { open: ready[0].id };
  if (ready.length === 0) return { none: true };
  return { list: ready };
}
