// Uploaded files on the local host: bytes on disk under DATA_DIR/files, ownership in the store, and
// links signed with a per-data-dir secret that expire like the cloud's temporary file URLs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileLinks, FileRecord } from '../files/types';
import { randomId } from '../ids';
import type { Store } from '../store/types';
import { dataDirSecret, LINK_SECRET_FILE } from './secrets';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How long a file link works. */
export const LINK_LIFETIME_MS = 10 * 60 * 1000;
const FILE_ID = /^f-[a-z0-9]{20}$/;

/** The image type by its first bytes; what the client claims is never trusted. */
export function imageType(head: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export interface LocalFiles extends FileLinks {
  save(owner: string, bytes: Buffer, mime: string, now: number): Promise<string>;
  /** The file's record, or null for an id that is not one of ours. */
  record(fileId: string): Promise<FileRecord | null>;
  /** The file's bytes, or null when they are gone from the disk. */
  bytes(fileId: string): Promise<Buffer | null>;
  linkIsValid(fileId: string, expires: string, signature: string, now: number): boolean;
}

export function localFiles(dataDir: string, store: Store): LocalFiles {
  const dir = join(dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  const secret = dataDirSecret(dataDir, LINK_SECRET_FILE);
  const sign = (fileId: string, expires: number) => createHmac('sha256', secret).update(`${fileId}\n${expires}`).digest('base64url');

  return {
    async save(owner, bytes, mime, now) {
      const fileId = `f-${randomId()}`;
      // The bytes reach the disk before the record that acknowledges them: a power cut never leaves a
      // file id whose bytes are gone.
      const handle = await open(join(dir, fileId), 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const folder = await open(dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
      const record: FileRecord = { owner, mime, size: bytes.length, createdAt: now };
      await store.commit([{ op: 'create', collection: 'files', id: fileId, doc: { ...record } }]);
      return fileId;
    },
    async record(fileId) {
      return FILE_ID.test(fileId) ? store.get<FileRecord>('files', fileId) : null;
    },
    async bytes(fileId) {
      try {
        return await readFile(join(dir, fileId));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    linkFor(fileId, now) {
      const expires = now + LINK_LIFETIME_MS;
      return `/api/files/${encodeURIComponent(fileId)}?expires=${expires}&signature=${sign(fileId, expires)}`;
    },
    linkIsValid(fileId, expires, signature, now) {
      const expiresAt = Number(expires);
      if (!Number.isSafeInteger(expiresAt) || expiresAt <= now) return false;
      const expected = Buffer.from(sign(fileId, expiresAt));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
