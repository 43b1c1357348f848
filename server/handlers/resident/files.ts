// fileLinks: fresh short-lived links to the caller's own uploads, so a draft kept on the phone can show
// its photos again after their local copies are gone. Reads only; another person's file is simply absent.
import { MAX_FILE_LINKS, type FileLinksPayload, type FileLinksResult } from '../../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { isId } from '../../../miniprogram/domain/validation';
import type { FileRecord } from '../../files/types';
import { payloadObject, type ActionDefinition } from '../dispatch';

export const fileLinks: ActionDefinition<FileLinksPayload, FileLinksResult, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const ids: unknown = p.fileIds;
    // The size is judged here, before run looks anything up, so a long list costs no store reads.
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_FILE_LINKS) return c.fail('fileIds', FIELD_MESSAGES.fileIds);
    if (!ids.every(isId)) return c.fail('fileIds', FIELD_MESSAGES.fileIds);
    return { fileIds: [...new Set(ids)] };
  },
  async run(ctx, { fileIds }) {
    const records = await Promise.all(fileIds.map((id) => ctx.store.get<FileRecord>('files', id)));
    // Ids of files that are missing or someone else's get the same answer: no link, so nothing tells them apart.
    const own = fileIds.filter((_, i) => records[i]?.owner === ctx.openid);
    const links = own.length > 0 ? await ctx.files.linksFor(own, ctx.now) : {};
    return { data: { links: Object.fromEntries(own.flatMap((id) => (Object.prototype.hasOwnProperty.call(links, id) ? [[id, links[id]]] : []))) } };
  },
};
