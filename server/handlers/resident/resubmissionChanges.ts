// What a resubmission changed, as its event keeps it for staff: each field's stored text before and
// after, each material's file ids added and removed.
import type { ApplicationKind } from '../../../miniprogram/domain/contract';
import type { ItemChange } from '../../records';

/** An application's parts by name, as stored: applicant, residence, contact (a later service's mobile), materials. */
export type Parts = Record<string, unknown>;

function valueAt(parts: Parts, path: string): unknown {
  const [part, field] = path.split('.');
  const holder = parts[part] as Record<string, unknown> | undefined;
  return holder?.[field];
}

function fileIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function describe(item: string, before: unknown, after: unknown): ItemChange | null {
  if (item.startsWith('materials.')) {
    const was = fileIds(before);
    const now = fileIds(after);
    const added = now.filter((id) => !was.includes(id));
    const removed = was.filter((id) => !now.includes(id));
    // The same photos in another order are no change anyone needs to look at again.
    if (added.length === 0 && removed.length === 0) return null;
    return { item, ...(added.length > 0 ? { added } : {}), ...(removed.length > 0 ? { removed } : {}) };
  }
  return { item, ...(typeof before === 'string' ? { before } : {}), ...(typeof after === 'string' ? { after } : {}) };
}

/**
 * The changes of the items at `paths` (those whose stored values differ), in their order. A mobile number is
 * kept once but named twice: a declaration's is `applicant.mobile`, a later service's `contact.mobile`, and
 * only that name is reported.
 */
export function resubmissionChanges(kind: ApplicationKind, paths: readonly string[], before: Parts, after: Parts): ItemChange[] {
  const hidden = kind === 'declaration' ? 'contact.' : 'applicant.';
  return paths.flatMap((path) => {
    if (path.startsWith(hidden)) return [];
    const change = describe(path, valueAt(before, path), valueAt(after, path));
    return change ? [change] : [];
  });
}
