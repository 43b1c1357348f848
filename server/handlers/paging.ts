// Pages of a list: the `limit` and `cursor` of a request, and cursors the server hands out and reads
// back (opaque to callers: base64url JSON of where the last page ended).
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { isPlainObject, type Checker } from '../../miniprogram/domain/validation';

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

function decodeCursor<C>(text: string, fields: Record<string, 'number' | 'string'>): C | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isPlainObject(value) && Object.entries(fields).every(([key, type]) => typeof value[key] === type)) return value as C;
  } catch {
    // fall through: not a cursor this server made
  }
  return undefined;
}
