// prepareUpload and confirmUpload: a photo goes to a storage path issued under its uploader, and becomes
// theirs only once the server has seen it there — its size and, by content, its type. In the cloud the
// client chooses the path of wx.cloud.uploadFile, so this record is what "your own file" rests on.
import { UPLOAD_EXTENSIONS, type UploadExtension } from '../../../miniprogram/domain/contract';
import { AppError } from '../../../miniprogram/domain/errors';
import type { Context } from '../../context';
import type { FileRecord } from '../../files/types';
import { imageType, isIssuedTo, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, uploadPath } from '../../files/uploads';
import type { Doc } from '../../store/types';
import { invalid, payloadObject, type ActionDefinition } from '../dispatch';

export const prepareUpload: ActionDefinition<{ extension: UploadExtension }, { cloudPath: string }, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    const extension = p && c.oneOf('extension', p.extension, UPLOAD_EXTENSIONS, UPLOAD_MESSAGES.extension);
    return extension ? { extension } : undefined;
  },
  // Nothing is written: the path proves whose it is by its owner tag, and an unused one costs nothing.
  async run(ctx, { extension }) {
    return { data: { cloudPath: uploadPath(ctx.openid, ctx.newId(), extension) } };
  },
};

const refused = (message: string) => invalid({ fileId: message });

/** The answer to a file already recorded: the same for the caller's own, a refusal for anyone else's. */
function alreadyRecorded(ctx: Context, fileId: string, record: Doc<FileRecord>): { fileId: string } {
  if (record.owner !== ctx.openid) throw refused(UPLOAD_MESSAGES.notYours);
  return { fileId };
}

export const confirmUpload: ActionDefinition<{ fileId: string }, { fileId: string }, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    const fileId = p && c.id('fileId', p.fileId, UPLOAD_MESSAGES.fileId);
    return fileId ? { fileId } : undefined;
  },
  async run(ctx, { fileId }) {
    const existing = await ctx.store.get<FileRecord>('files', fileId);
    // Idempotent by the file id: a repeat (or an upload the local host recorded at once) answers the same.
    if (existing) return { data: alreadyRecorded(ctx, fileId, existing) };
    const path = ctx.files.pathOf(fileId);
    // Only a path issued to this caller is looked at: nothing is said about anyone else's.
    if (path === null || !isIssuedTo(path, ctx.openid)) throw refused(UPLOAD_MESSAGES.notYours);
    const stored = await ctx.files.inspect(fileId);
    if (!stored) throw refused(UPLOAD_MESSAGES.notYours);
    if (stored.size > MAX_UPLOAD_BYTES) throw refused(UPLOAD_MESSAGES.tooLarge);
    const mime = imageType(stored.head);
    if (!mime) throw refused(UPLOAD_MESSAGES.notImage);
    const record: FileRecord = { owner: ctx.openid, mime, size: stored.size, createdAt: ctx.now };
    return {
      data: { fileId },
      writes: [{ op: 'create', collection: 'files', id: fileId, doc: { ...record } }],
      // A copy of this confirmation landed first: the same answer, as for any repeat.
      async onConflict() {
        const landed = await ctx.store.get<FileRecord>('files', fileId);
        return landed ? { data: alreadyRecorded(ctx, fileId, landed) } : new AppError('CONFLICT');
      },
    };
  },
};
