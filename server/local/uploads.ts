// POST /api/files: one image per request, checked by content and size, owned by the uploader.
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { imageType, MAX_UPLOAD_BYTES, type LocalFiles } from './fileStorage';
import { refuseTooLarge, sendError, sendJson } from './respond';

/** Room for the multipart framing around a photo of the largest size: boundaries and part headers. */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;
const TOO_LARGE = { file: '图片不能超过 10 MB' };

type Parsed = { kind: 'file'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'missing' } | { kind: 'malformed' } | { kind: 'cut-off' };

function parseUpload(req: IncomingMessage): Promise<Parsed> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (parsed: Parsed) => {
      if (settled) return;
      settled = true;
      req.unpipe();
      resolve(parsed);
    };
    let parser: busboy.Busboy;
    try {
      // One byte over the limit is what tells a photo of exactly 10 MiB from a larger one.
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 20, parts: 30 } });
    } catch {
      settle({ kind: 'malformed' });
      return;
    }
    let result: Parsed = { kind: 'missing' };
    parser.on('file', (field, stream) => {
      // A body that ends inside the file part makes the stream fail: that is a malformed upload.
      stream.on('error', () => settle({ kind: 'malformed' }));
      if (field !== 'file' || result.kind !== 'missing') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => settle({ kind: 'too-large' }));
      stream.on('end', () => {
        result = { kind: 'file', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('close', () => settle(result));
    parser.on('error', () => settle({ kind: 'malformed' }));
    // A body without a length (chunked) is counted as it comes: what busboy skips counts too.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES) settle({ kind: 'too-large' });
    });
    req.on('error', () => settle({ kind: 'cut-off' }));
    req.on('close', () => {
      if (!req.complete) settle({ kind: 'cut-off' });
    });
    req.pipe(parser);
  });
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, owner: string, files: LocalFiles, now: number): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES) return refuseTooLarge(req, res, TOO_LARGE);
  const parsed = await parseUpload(req);
  if (parsed.kind === 'cut-off') return void res.destroy();
  if (parsed.kind === 'too-large') return refuseTooLarge(req, res, TOO_LARGE);
  // The rest of a refused body is read and dropped, so the client can read the answer.
  if (parsed.kind === 'malformed') {
    req.resume();
    return sendError(res, 400, 'INVALID_INPUT', { payload: '请以 multipart/form-data 上传，字段名为 file' });
  }
  if (parsed.kind === 'missing' || parsed.bytes.length === 0) return sendError(res, 200, 'INVALID_INPUT', { file: FIELD_MESSAGES.file });
  const mime = imageType(parsed.bytes);
  if (!mime) return sendError(res, 200, 'INVALID_INPUT', { file: '只能上传 JPEG、PNG 或 WebP 图片' });
  const fileId = await files.save(owner, parsed.bytes, mime, now);
  sendJson(res, 200, { ok: true, data: { fileId } });
}
