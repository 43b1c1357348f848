// The uploads step's state: one list of photos per required material, each photo with its upload status.
import type { ApplicationKind, Materials, ReissueReason, ResidenceKind } from '../../domain/contract';
import { MAX_PROOFS, requiredMaterials, type MaterialField, type MaterialRequirement } from '../../domain/materials';

/** One photo as van-uploader shows it, plus the file id once it is uploaded. */
export interface UploadItem {
  url: string;
  status: 'uploading' | 'failed' | 'done';
  message: string;
  fileId?: string;
}

export type UploadLists = Partial<Record<MaterialField, UploadItem[]>>;

/** The materials an uploads step asks for: all the service needs, or only `fields` (a correction's, possibly none). */
export function requirementsFor(
  service: ApplicationKind,
  residenceKind: ResidenceKind,
  reason: ReissueReason | undefined,
  fields?: readonly string[],
): (MaterialRequirement & { max: number })[] {
  return requiredMaterials(service, residenceKind, reason)
    .filter((r) => fields === undefined || fields.includes(r.field))
    .map((r) => ({ ...r, max: r.multiple ? MAX_PROOFS : 1 }));
}

/** A list restored from a draft: an upload that was cut off is offered for retry. */
export function restoreLists(stored: unknown): UploadLists {
  const lists: UploadLists = {};
  if (typeof stored !== 'object' || stored === null) return lists;
  for (const [field, items] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(items)) continue;
    lists[field as MaterialField] = items
      .filter((i): i is UploadItem => typeof i === 'object' && i !== null && typeof (i as UploadItem).url === 'string')
      .map((i) => (i.status === 'done' && i.fileId ? i : { url: i.url, status: 'failed', message: '点击重试' }));
  }
  return lists;
}

/** The materials to submit, or the message saying what is still missing. */
export function materialsOf(requirements: MaterialRequirement[], lists: UploadLists): { materials?: Materials; missing?: string } {
  const result: Record<string, string | string[]> = {};
  for (const requirement of requirements) {
    const items = lists[requirement.field] ?? [];
    if (items.some((i) => i.status !== 'done')) return { missing: `“${requirement.label}”还有照片没有上传成功，请重试或删除` };
    const ids = items.map((i) => i.fileId as string);
    if (ids.length === 0) return { missing: `请上传${requirement.label}` };
    result[requirement.field] = requirement.multiple ? ids : ids[0];
  }
  return { materials: result as unknown as Materials };
}
