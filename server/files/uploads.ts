// What an upload must be, as pure rules shared by the handlers and the local host: a path issued under
// its uploader's owner tag, at most 10 MiB, and a JPEG, PNG or WebP by its content.
import { createHash } from 'node:crypto';
import type { UploadExtension } from '../../miniprogram/domain/contract';
import { ID_ALPHABET } from '../ids';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** How many first bytes decide an image's type (WebP's signature ends at byte 12). */
export const IMAGE_HEAD_BYTES = 16;

export const UPLOAD_MESSAGES = {
  tooLarge: '图片不能超过 10 MB',
  notImage: '只能上传 JPG、PNG、WebP 图片',
  extension: '图片格式只能是 JPG、PNG、WebP',
  fileId: '缺少或无效的文件编号',
  /** Someone else's file, a path never issued to the caller, or nothing uploaded: one answer, so none is told apart. */
  notYours: '没有找到您上传的这张图片，请重新上传',
  cloudPath: '上传路径无效，请重新上传',
  pathTaken: '这个上传路径已经用过，请重新上传',
} as const;

/** The image type by its first bytes; what the client claims is never trusted. */
export function imageType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const starts = (bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * The caller's folder name in storage: 20 base32 characters (100 bits) of a digest of the openid, so a
 * path says whose it is without carrying the openid itself.
 */
export function ownerTag(openid: string): string {
  const digest = createHash('sha256').update(`upload-owner\n${openid}`).digest();
  return Array.from(digest.subarray(0, 20), (byte) => ID_ALPHABET[byte % 32]).join('');
}

/** The path prepareUpload issues: under the caller's tag, a fresh name, the extension of the image type. */
export function uploadPath(openid: string, freshId: string, extension: UploadExtension): string {
  return `uploads/${ownerTag(openid)}/${freshId}.${extension}`;
}

const ISSUED_PATH = /^uploads\/([a-z0-9]{20})\/[a-z0-9]{16,40}\.(?:jpg|png|webp)$/;

/** Whether a storage path has the form prepareUpload issues, under this caller's tag. */
export function isIssuedTo(path: string, openid: string): boolean {
  const match = ISSUED_PATH.exec(path);
  return match !== null && match[1] === ownerTag(openid);
}

/** Whether a text has the form of an issued path at all (whoever it was issued to). */
export function isUploadPath(path: string): boolean {
  return ISSUED_PATH.test(path);
}
