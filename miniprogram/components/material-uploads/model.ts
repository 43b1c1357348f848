// The uploads step's state: one list of photos per required material, each photo with its upload status.
// A photo is kept by its file id once uploaded: local paths do not survive a restart of the app, so a
// kept photo is shown through a fresh link from the backend, and one never uploaded must be picked again.
import type { ApplicationKind, FileLink, Materials, ReissueReason, ResidenceKind } from '../../domain/contract';
import { MAX_PROOFS, requiredMaterials, type MaterialField, type MaterialRequirement } from '../../domain/materials';

/** One photo as van-uploader shows it, plus the file id once it is uploaded. */
export interface UploadItem {
  /** Identifies the photo within its list: the local path it was picked from, or its file id when restored. */
  key: string;
  /** What the tile shows: the local path, or a short-lived link to the uploaded file. */
  url: string;
  status: 'uploading' | 'failed' | 'done';
  message: string;
  fileId?: string;
  /** Picked but never uploaded before its local copy was lost: it can only be removed and picked again. */
  lost?: boolean;
  /** Its link was made just now (a correction's submitted photos), so none is fetched afresh; never so in a draft. */
  fresh?: true;
  /** The links carry no file extension, so van-uploader is told these are images. */
  isImage: true;
}

export type UploadLists = Partial<Record<MaterialField, UploadItem[]>>;

export const RETRY = '点此重试';
export const PICK_AGAIN = '请重新选择';
/** What the server takes (server/files/uploads.ts checks the content): said before anything is sent. */
export const NOT_IMAGE = '仅支持 JPG、PNG、WebP 图片，请重新选择';

/** The extensions of the formats the server takes. */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'];

/** A file as van-uploader's after-read gives it (from chooseMedia, chooseImage or chooseMessageFile). */
export interface PickedFile {
  url?: string;
  tempFilePath?: string;
  name?: string;
  /** 'image', 'video' or 'file'. */
  type?: string;
}

export function pathOf(file: PickedFile): string {
  return file.url ?? file.tempFilePath ?? '';
}

/**
 * Whether a picked file can be one the server takes: never a video, and, when its name or path says its
 * format, one of those. A path without an extension is judged by the picker's type (the server checks the
 * content anyway): an upload that could only be refused is not sent, and its message is not 点此重试.
 */
export function isAcceptedImage(file: PickedFile): boolean {
  if (file.type === 'video') return false;
  const extension = /\.([A-Za-z0-9]+)$/.exec((file.name || pathOf(file)).split(/[?#]/)[0]);
  if (extension) return IMAGE_EXTENSIONS.includes(extension[1].toLowerCase());
  return file.type === undefined || file.type === 'image';
}

/** Said when more photos were picked than the material takes: the first ones are kept. */
export const overLimitNote = (max: number, dropped: number): string => `最多 ${max} 张，多出的 ${dropped} 张没有添加`;

/**
 * What a pick adds to a material holding `existing`: the new images in the order picked, as many as
 * there is room for; and what to say about the rest (not images, or beyond `max`).
 */
export function pickedFiles(files: PickedFile[], existing: UploadItem[], max: number): { added: string[]; problem: string; note: string } {
  const images = files.filter(isAcceptedImage);
  const fresh = [...new Set(images.map(pathOf))].filter((path) => path && !existing.some((i) => i.key === path));
  const room = Math.max(0, max - existing.length);
  const added = fresh.slice(0, room);
  return {
    added,
    problem: images.length < files.length ? NOT_IMAGE : '',
    note: fresh.length > room ? overLimitNote(max, fresh.length - room) : '',
  };
}

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

/** A photo just picked on the phone, uploading from its local path. */
export function pickedItem(path: string): UploadItem {
  return { key: path, url: path, status: 'uploading', message: '0%', isImage: true };
}

function keptItem(fileId: string, url: string): UploadItem {
  return { key: fileId, url, status: 'done', message: '', fileId, isImage: true };
}

/** `tag` keeps the key unique in its list: a draft's running count, or the file id whose link is gone. */
function lostItem(tag: string): UploadItem {
  return { key: `lost:${tag}`, url: '', status: 'failed', message: PICK_AGAIN, lost: true, isImage: true };
}

/**
 * Lists restored from a draft: an uploaded photo keeps its file id (its link is fetched afresh);
 * one whose upload had not finished is marked to be picked again, as its local file may be gone.
 * `keepFresh`: the lists come from the page, not a draft, and links it marked fresh stay so.
 */
export function restoreLists(stored: unknown, { keepFresh = false }: { keepFresh?: boolean } = {}): UploadLists {
  const lists: UploadLists = {};
  if (typeof stored !== 'object' || stored === null) return lists;
  let lost = 0;
  for (const [field, items] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(items)) continue;
    lists[field as MaterialField] = items
      .filter((i): i is Partial<UploadItem> => typeof i === 'object' && i !== null)
      .map((i) => {
        if (i.status !== 'done' || typeof i.fileId !== 'string' || !i.fileId) return lostItem(String(lost++));
        const kept = keptItem(i.fileId, typeof i.url === 'string' ? i.url : '');
        return keepFresh && i.fresh ? { ...kept, fresh: true as const } : kept;
      });
  }
  return lists;
}

/** What an application already holds for `fields`, as kept photos: a correction starts from these. */
export function listsFromMaterials(materials: Record<string, FileLink | FileLink[]>, fields: readonly MaterialField[], resolve: (url: string) => string): UploadLists {
  const lists: UploadLists = {};
  for (const field of fields) {
    const links = materials[field];
    if (links === undefined) continue;
    lists[field] = (Array.isArray(links) ? links : [links]).map((l) => ({ ...keptItem(l.fileId, resolve(l.url)), fresh: true as const }));
  }
  return lists;
}

/** Every uploaded file id in the lists, once each. */
export function fileIdsOf(lists: UploadLists): string[] {
  const ids = Object.values(lists).flatMap((items) => (items ?? []).map((i) => i.fileId).filter((id): id is string => !!id));
  return [...new Set(ids)];
}

/** The links the lists hold that were made just now, by file id. */
export function freshLinksOf(lists: UploadLists): Record<string, string> {
  const fresh = Object.values(lists).flatMap((items) => (items ?? []).filter((i) => i.status === 'done' && i.fileId && i.fresh));
  return Object.fromEntries(fresh.map((i) => [i.fileId as string, i.url]));
}

/** The lists with fresh links for kept photos; a photo the backend gives no link for is no longer usable. */
export function withLinks(lists: UploadLists, links: Record<string, string>): UploadLists {
  const next: UploadLists = {};
  for (const [field, items] of Object.entries(lists) as [MaterialField, UploadItem[]][]) {
    next[field] = items.map((i) => {
      if (i.status !== 'done' || !i.fileId) return i;
      const link = links[i.fileId];
      return link === undefined ? lostItem(i.fileId) : { ...i, url: link };
    });
  }
  return next;
}

/** Every material's problem at once, by field: nothing picked, or a photo not (or no longer) uploaded. */
export function materialProblems(requirements: MaterialRequirement[], lists: UploadLists): Partial<Record<MaterialField, string>> {
  const problems: Partial<Record<MaterialField, string>> = {};
  for (const { field, label, multiple } of requirements) {
    const items = lists[field] ?? [];
    if (items.some((i) => i.lost)) problems[field] = `标着“${PICK_AGAIN}”的照片没有上传成功，请点照片右上角的 × 删除，再点“添加照片”重新选择`;
    else if (items.some((i) => i.status !== 'done')) problems[field] = `“${label}”还有照片没有上传成功，请重试或删除`;
    else if (items.length === 0) problems[field] = `请上传${label}`;
    else if (items.length > (multiple ? MAX_PROOFS : 1)) problems[field] = multiple ? `${label}最多 ${MAX_PROOFS} 张` : `${label}只能上传 1 张`;
  }
  return problems;
}

/** The problems of the materials holding a photo to pick again: said as soon as the photo shows, not only on 下一步. */
export function pickAgainProblems(requirements: MaterialRequirement[], lists: UploadLists): Partial<Record<MaterialField, string>> {
  const problems = materialProblems(requirements, lists);
  return Object.fromEntries(Object.entries(problems).filter(([field]) => (lists[field as MaterialField] ?? []).some((i) => i.lost)));
}

/** The materials to submit, or every problem by field and the first one to say. */
export function materialsOf(
  requirements: MaterialRequirement[],
  lists: UploadLists,
): { materials?: Materials; missing?: string; problems: Partial<Record<MaterialField, string>> } {
  const problems = materialProblems(requirements, lists);
  const first = requirements.map((r) => problems[r.field]).find((p) => p !== undefined);
  if (first !== undefined) return { missing: first, problems };
  const result: Record<string, string | string[]> = {};
  for (const { field, multiple } of requirements) {
    const ids = (lists[field] ?? []).map((i) => i.fileId as string);
    result[field] = multiple ? ids : ids[0];
  }
  return { materials: result as unknown as Materials, problems };
}
