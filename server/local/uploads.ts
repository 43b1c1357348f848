// POST /api/files: one image per request, checked by content and size, owned by the uploader.
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { imageType, MAX_UPLOAD_BYTES, type LocalFiles } from './fileStorage';
import { sendError, sendJson } from './respond';

type Parsed = { kind: 'file'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'missing' } | { kind: 'malformed' };

function parseUpload(req: IncomingMessage): Promise<Parsed> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, parts: 30 } });
    } catch {
      req.resume();
      resolve({ kind: 'malformed' });
      return;
    }
    let result: Parsed = { kind: 'missing' };
    parser.on('file', (field, stream) => {
      if (field !== 'file' || result.kind !== 'missing') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        result = { kind: 'too-large' };
      });
      stream.on('end', () => {
        if (result.kind !== 'too-large') result = { kind: 'file', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('close', () => resolve(result));
    parser.on('error', () => {
      req.resume();
      resolve({ kind: 'malformed' });
    });
    req.pipe(parser);
  });
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, owner: string, files: LocalFiles, now: number): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    req.resume();
    sendError(res, 413, 'INVALID_INPUT', { file: '图片不能超过 10 MB' });
    return;
  }
  const parsed = await parseUpload(req);
  if (parsed.kind === 'too-large') return sendError(res, 413, 'INVALID_INPUT', { file: '图片不能超过 10 MB' });
  if (parsed.kind === 'malformed') return sendError(res, 400, 'INVALID_INPUT', { payload: '请以 multipart/form-data 上传，字段名为 file' });
  if (parsed.kind === 'missing' || parsed.bytes.length === 0) return sendError(res, 200, 'INVALID_INPUT', { file: FIELD_MESSAGES.file });
  const mime = imageType(parsed.bytes);
  if (!mime) return sendError(res, 200, 'INVALID_INPUT', { file: '只能上传 JPEG、PNG 或 WebP 图片' });
  const fileId = await files.save(owner, parsed.bytes, mime, now);
  sendJson(res, 200, { ok: true, data: { fileId } });
}
