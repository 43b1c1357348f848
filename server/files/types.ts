// Files as handlers see them: who owns a file, and short-lived links to show it.

export interface FileRecord {
  owner: string;
  mime: string;
  size: number;
  createdAt: number;
}

export interface FileLinks {
  /** A link that shows the file until a few minutes after `now` (like the cloud's temporary URLs). */
  linkFor(fileId: string, now: number): string;
}
