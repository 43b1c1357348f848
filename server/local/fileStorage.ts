// Uploaded files on the local host: bytes on disk under DATA_DIR/files, ownership in the store, and
// links signed with a per-data-dir secret that expire like the cloud's temporary file URLs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linksInBatches } from '../files/links';
import type { FileRecord, FileStorage, StoredFile } from '../files/types';
import { IMAGE_HEAD_BYTES, isUploadPath } from '../files/uploads';
import { randomId } from '../ids';
import type { Store } from '../store/types';
import { dataDirSecret, LINK_SECRET_FILE } from './secrets';

/** How long a file link works. */
export const LINK_LIFETIME_MS = 10 * 60 * 1000;
/** A file uploaded without a path: the host chose its id and recorded its owner at once. */
const FILE_ID = /^f-[a-z0-9]{20}$/;
/** A file uploaded to an issued path `uploads/<tag>/<name>.<ext>`: its id is `u-<tag>-<name>.<ext>`. */
const PATH_FILE_ID = /^u-([a-z0-9]{20})-([a-z0-9]{16,40})\.(jpg|png|webp)$/;

/** Whether an id is one this storage makes: only such ids are ever turned into a name on disk. */
function isLocalFileId(fileId: string): boolean {
  return FILE_ID.test(fileId) || PATH_FILE_ID.test(fileId);
}

export interface LocalFiles extends FileStorage {
  /** Stores the bytes under a fresh id and records `owner` as their owner (the upload without a path). */
  save(owner: string, bytes: Buffer, mime: string, now: number): Promise<string>;
  /** The id of the file at an issued path, as the cloud's fileID names its cloudPath. */
  fileIdFor(cloudPath: string): string;
  /** Stores the bytes at an issued path, recording no owner (confirmUpload does); 'taken' when the path holds a file already. */
  saveAt(cloudPath: string, bytes: Buffer): Promise<string | 'taken'>;
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

  /**
   * Writes a new file and syncs it and its folder, so bytes reach the disk before anything that
   * acknowledges them: a power cut never leaves a file id whose bytes are gone. False when it exists.
   */
  async function writeDurably(fileId: string, bytes: Buffer): Promise<boolean> {
    let handle;
    try {
      handle = await open(join(dir, fileId), 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
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
    return true;
  }

  function fileIdFor(cloudPath: string): string {
    if (!isUploadPath(cloudPath)) throw new Error('not an issued upload path');
    const [, tag, file] = cloudPath.split('/');
    return `u-${tag}-${file}`;
  }

  function link(fileId: string, now: number): string {
    const expires = now + LINK_LIFETIME_MS;
    return `/api/files/${encodeURIComponent(fileId)}?expires=${expires}&signature=${sign(fileId, expires)}`;
  }

  return {
    async save(owner, bytes, mime, now) {
      const fileId = `f-${randomId()}`;
      if (!(await writeDurably(fileId, bytes))) throw new Error('a fresh file id was taken');
      const record: FileRecord = { owner, mime, size: bytes.length, createdAt: now };
      await store.commit([{ op: 'create', collection: 'files', id: fileId, doc: { ...record } }]);
      return fileId;
    },
    fileIdFor,
    async saveAt(cloudPath, bytes) {
      const fileId = fileIdFor(cloudPath);
      // A path is written once: what confirmUpload checked is what stays there.
      return (await writeDurably(fileId, bytes)) ? fileId : 'taken';
    },
    async record(fileId) {
      return isLocalFileId(fileId) ? store.get<FileRecord>('files', fileId) : null;
    },
    async bytes(fileId) {
      if (!isLocalFileId(fileId)) return null;
      try {
        return await readFile(join(dir, fileId));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    pathOf(fileId) {
      const match = PATH_FILE_ID.exec(fileId);
      return match ? `uploads/${match[1]}/${match[2]}.${match[3]}` : null;
    },
    async inspect(fileId): Promise<StoredFile | null> {
      if (!isLocalFileId(fileId)) return null;
      let handle;
      try {
        handle = await open(join(dir, fileId), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const head = Buffer.alloc(Math.min(size, IMAGE_HEAD_BYTES));
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return { size, head: head.subarray(0, bytesRead) };
      } finally {
        await handle.close();
      }
    },
    // Signing is local, but goes through the same batching a remote service needs.
    linksFor(fileIds, now) {
      return linksInBatches(fileIds.filter(isLocalFileId), async (batch) => Object.fromEntries(batch.map((id) => [id, link(id, now)])));
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
