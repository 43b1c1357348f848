// Pages of a list: the `limit` and `cursor` of a request, and cursors the server hands out and reads
// back (opaque to callers: base64url JSON of where the last page ended).
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { isId, isPlainObject, type Checker } from '../../miniprogram/domain/validation';

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * `limit` (1–50, default 20) and `cursor` of a page request. A cursor is read back only when it is
 * one of ours: an object whose fields `fields` names have the types shown.
 */
export function parsePage<C extends Record<string, string | number>>(
  c: Checker,
  p: Record<string, unknown>,
  fields: { [K in keyof C]: C[K] extends number ? 'number' : 'string' },
): { limit: number; cursor?: C } {
  let limit = 20;
  if (p.limit !== undefined) {
    if (typeof p.limit === 'number' && Number.isInteger(p.limit) && p.limit >= 1 && p.limit <= 50) limit = p.limit;
    else c.fail('limit', FIELD_MESSAGES.limit);
  }
  if (p.cursor === undefined || p.cursor === null) return { limit };
  const cursor = typeof p.cursor === 'string' ? decodeCursor<C>(p.cursor, fields) : undefined;
  if (!cursor) c.fail('cursor', FIELD_MESSAGES.cursor);
  return { limit, ...(cursor ? { cursor } : {}) };
}

/** Longer than any cursor this server makes (an instant or a date, and an id): not read at all. */
const MAX_CURSOR_LENGTH = 400;

/**
 * The named fields of a cursor, each of the type shown: a finite number, or text shaped like the ids
 * and dates the server writes. Nothing else of the decoded value is kept.
 */
function decodeCursor<C>(text: string, fields: Record<string, 'number' | 'string'>): C | undefined {
  if (text.length > MAX_CURSOR_LENGTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const cursor: Record<string, string | number> = {};
  for (const [key, type] of Object.entries(fields)) {
    const field = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
    if (type === 'number' ? typeof field === 'number' && Number.isFinite(field) : isId(field)) cursor[key] = field as string | number;
    else return undefined;
  }
  return cursor as C;
}
