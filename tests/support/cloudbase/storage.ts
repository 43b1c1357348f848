// The memory cloud's file storage: files by fileID, temporary links signed with an expiry, and a local
// HTTP server that serves them the way Tencent COS does (Range requests, 404 unknown, 403 expired).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How long a link asked for without a maxAge works, in seconds. */
const DEFAULT_MAX_AGE_S = 7200;

interface StoredFile {
  bytes: Buffer;
}

/** One entry of `storage.batchGetDownloadUrl`'s download_list, with the field names node-sdk reads. */
interface DownloadLink {
  fileID: string;
  tempFileURL: string;
  code: string;
  message?: string;
  maxAge?: number;
}

export class MemoryStorage {
  private readonly files = new Map<string, StoredFile>();
  // Each install signs with a key of its own, so a link of an earlier run names nothing.
  private readonly key = randomBytes(32);
  private readonly server: Server;
  private origin = '';
  readonly bucket: string;

  constructor(
    private readonly env: string,
    private readonly now: () => number,
  ) {
    // The real bucket is `<hex of the env's first two bytes>-<env>-<app number>`, e.g. 7465-test-env-1300000000.
    this.bucket = `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-1300000000`;
    this.server = createServer((req, res) => this.serve(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  upload(cloudPath: string, bytes: Buffer): string {
    const fileID = `cloud://${this.env}.${this.bucket}/${cloudPath.replace(/^\/+/, '')}`;
    this.files.set(fileID, { bytes: Buffer.from(bytes) });
    return fileID;
  }

  clear(): void {
    this.files.clear();
  }

  /** Answers `storage.batchGetDownloadUrl`. */
  links(params: Record<string, unknown>): Record<string, unknown> {
    const list = Array.isArray(params.file_list) ? (params.file_list as { fileid?: unknown; max_age?: unknown }[]) : [];
    const download_list: DownloadLink[] = list.map(({ fileid, max_age }) => {
      const fileID = String(fileid);
      const maxAge = typeof max_age === 'number' ? max_age : DEFAULT_MAX_AGE_S;
      if (!this.files.has(fileID)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
      return { fileID, tempFileURL: this.link(fileID, maxAge), code: 'SUCCESS', maxAge };
    });
    return { data: { download_list } };
  }

  private link(fileID: string, maxAge: number): string {
    const path = fileID.slice(`cloud://${this.env}.`.length);
    const expires = Math.floor(this.now() / 1000) + maxAge;
    // The path stays unencoded, like the cloud's links: node-sdk's downloadFile encodeURI()s the link.
    return `${this.origin}/${path}?t=${expires}&sign=${this.sign(path, expires)}`;
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${path}\n${expires}`).digest('hex');
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const path = decodeURIComponent(url.pathname.slice(1));
    const expires = Number(url.searchParams.get('t'));
    const given = Buffer.from(url.searchParams.get('sign') ?? '', 'utf8');
    const wanted = Buffer.from(this.sign(path, expires), 'utf8');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return cosError(res, 403, 'AccessDenied', 'Request has invalid signature');
    if (Math.floor(this.now() / 1000) > expires) return cosError(res, 403, 'AccessDenied', 'Request has expired');
    const file = this.files.get(`cloud://${this.env}.${path}`);
    if (!file) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    const total = file.bytes.length;
    const headers = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
    const range = req.headers.range;
    if (!range) {
      res.writeHead(200, { ...headers, 'content-length': total });
      res.end(req.method === 'HEAD' ? undefined : file.bytes);
      return;
    }
    const span = parseRange(range, total);
    if (!span) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${total}` });
      res.end();
      return;
    }
    const [start, end] = span;
    res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${total}` });
    res.end(req.method === 'HEAD' ? undefined : file.bytes.subarray(start, end + 1));
  }
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`, clamped to the file; null when it asks for nothing the file has. */
function parseRange(header: string, total: number): [number, number] | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 || total === 0 ? null : [Math.max(0, total - suffix), total - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1);
  return start >= total || end < start ? null : [start, end];
}

/** COS answers errors with an XML body naming the error. */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}
