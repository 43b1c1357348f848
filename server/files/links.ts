// Batching of file links: one port call per response, split by the adapter into the service's largest calls.
import { MAX_LINKS_PER_CALL } from './types';

/**
 * Links for every id, asked of `fetchBatch` in slices of at most MAX_LINKS_PER_CALL distinct ids (all
 * slices at once) and merged. What an adapter of a service with a per-call limit builds linksFor from.
 */
export async function linksInBatches(fileIds: readonly string[], fetchBatch: (batch: string[]) => Promise<Record<string, string>>): Promise<Record<string, string>> {
  const ids = [...new Set(fileIds)];
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += MAX_LINKS_PER_CALL) batches.push(ids.slice(start, start + MAX_LINKS_PER_CALL));
  const answers = await Promise.all(batches.map(fetchBatch));
  // fromEntries defines own keys, so an id such as `__proto__` stays a key and never becomes a prototype.
  return Object.fromEntries(answers.flatMap((answer) => Object.entries(answer)));
}
