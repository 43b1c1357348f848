// The refusal form's checks: how many reasons it takes and how long each may be, as the server reads them.
import { FIELD_MESSAGES } from '../../../domain/errors';
import { MAX_REASONS, STAFF_TEXT_LENGTH } from '../../../domain/limits';

export { MAX_REASONS };
export const REASON_MAX = STAFF_TEXT_LENGTH.max;

/** What is wrong with one reason, or '' when it can be sent. */
export function checkReason(text: string): string {
  const length = Array.from(text.trim()).length;
  if (length < STAFF_TEXT_LENGTH.min) return '请填写理由，或删除这一条';
  return length > REASON_MAX ? FIELD_MESSAGES.tooLong(REASON_MAX) : '';
}
