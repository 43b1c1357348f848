// POST /api/files: one image per request, checked by content and size, owned by the uploader; or, with
// a `cloudPath` issued by prepareUpload, stored at that path for confirmUpload to check and record.
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { imageType, isIssuedTo, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../files/uploads';
import type { LocalFiles } from './fileStorage';
import { refuseTooLarge, sendError, sendJson } from './respond';

/** Room for the multipart framing around a photo of the largest size: boundaries and part headers. */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;
const TOO_LARGE = { file: UPLOAD_MESSAGES.tooLarge };
/** Longer than any issued path: a longer value is cut, and a cut path is no issued path. */
const MAX_PATH_FIELD_BYTES = 256;

/** The `cloudPath` field as sent: absent, the path, or sent after the file part (where it cannot steer it). */
type PathField = { kind: 'none' } | { kind: 'path'; path: string } | { kind: 'late' };

type Parsed =
  { kind: 'file'; bytes: Buffer; cloudPath: PathField } | { kind: 'missing'; cloudPath: PathField } | { kind: 'too-large' } | { kind: 'malformed' } | { kind: 'cut-off' };

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
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 20, parts: 30, fieldSize: MAX_PATH_FIELD_BYTES } });
    } catch {
      settle({ kind: 'malformed' });
      return;
    }
    let bytes: Buffer | undefined;
    let fileStarted = false;
    // The first cloudPath field decides; one after the file part could not have steered it.
    let cloudPath: PathField = { kind: 'none' };
    parser.on('field', (field, value) => {
      if (field !== 'cloudPath' || cloudPath.kind !== 'none') return;
      cloudPath = fileStarted ? { kind: 'late' } : { kind: 'path', path: value };
    });
    parser.on('file', (field, stream) => {
      // A body that ends inside the file part makes the stream fail: that is a malformed upload.
      stream.on('error', () => settle({ kind: 'malformed' }));
      if (field !== 'file' || fileStarted) {
        stream.resume();
        return;
      }
      fileStarted = true;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => settle({ kind: 'too-large' }));
      stream.on('end', () => {
        bytes = Buffer.concat(chunks);
      });
    });
    parser.on('close', () => settle(bytes ? { kind: 'file', bytes, cloudPath } : { kind: 'missing', cloudPath }));
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
  const fields: Record<string, string> = {};
  const path = parsed.cloudPath;
  if (path.kind === 'late' || (path.kind === 'path' && !isIssuedTo(path.path, owner))) fields.cloudPath = UPLOAD_MESSAGES.cloudPath;
  if (parsed.kind === 'missing' || parsed.bytes.length === 0) fields.file = FIELD_MESSAGES.file;
  if (Object.keys(fields).length > 0 || parsed.kind === 'missing') return sendError(res, 200, 'INVALID_INPUT', fields);
  if (path.kind === 'path') {
    // As in the cloud: the bytes are stored at the path, and confirmUpload judges them and records the owner.
    const stored = await files.saveAt(path.path, parsed.bytes);
    if (stored === 'taken') return sendError(res, 200, 'INVALID_INPUT', { cloudPath: UPLOAD_MESSAGES.pathTaken });
    return sendJson(res, 200, { ok: true, data: { fileId: stored } });
  }
  const mime = imageType(parsed.bytes);
  if (!mime) return sendError(res, 200, 'INVALID_INPUT', { file: UPLOAD_MESSAGES.notImage });
  const fileId = await files.save(owner, parsed.bytes, mime, now);
  sendJson(res, 200, { ok: true, data: { fileId } });
}
