// Files as handlers see them: who owns a file, and the storage port that links, locates and inspects it.

export interface FileRecord {
  owner: string;
  mime: string;
  size: number;
  createdAt: number;
}

/** The most file ids one call of the cloud's getTempFileURL takes. */
export const MAX_LINKS_PER_CALL = 50;

/** What storage holds under a file id: its size in bytes and its first bytes (at least 16 when it has them). */
export interface StoredFile {
  size: number;
  head: Uint8Array;
}

export interface FileStorage {
  /**
   * Links that show each file until a few minutes after `now` (like the cloud's temporary URLs), by
   * file id; an id the storage cannot link is absent. Asynchronous and batched: a handler gathers every
   * id a response shows and calls this once. An adapter whose service takes at most
   * MAX_LINKS_PER_CALL ids a call (CloudBase's getTempFileURL) splits the list into such calls itself.
   */
  linksFor(fileIds: string[], now: number): Promise<Record<string, string>>;
  /** The storage path a file id names (the cloudPath it was uploaded to), or null for an id that names none. */
  pathOf(fileId: string): string | null;
  /** The stored file's size and first bytes, or null when nothing is stored under the id. */
  inspect(fileId: string): Promise<StoredFile | null>;
}
