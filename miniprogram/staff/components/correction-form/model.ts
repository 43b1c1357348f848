// The correction form's checks: every item asked for at once (一次性告知), each with what to do.
import type { CorrectionItem } from '../../../domain/contract';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { fieldLabel } from '../../../domain/labels';
import { STAFF_TEXT_LENGTH } from '../../../domain/limits';

export interface ItemOption {
  item: string;
  /** The item as a class name (no dots), so a test or a style can point at it. */
  key: string;
  label: string;
  checked: boolean;
  message: string;
  error: string;
}

/** Each message's limit, the one the server holds a correction message to. */
export const MESSAGE_MAX = STAFF_TEXT_LENGTH.max;

/** One option per item the application can be asked to correct. */
export function itemOptions(items: readonly string[]): ItemOption[] {
  return items.map((item) => ({ item, key: item.replace(/\./g, '-'), label: fieldLabel(item), checked: false, message: '', error: '' }));
}

export function submitLabel(options: ItemOption[]): string {
  const count = options.filter((o) => o.checked).length;
  return count ? `发送补正通知（${count} 项）` : '发送补正通知';
}

/** The items to send, or the messages to show: at least one item, each with a message within STAFF_TEXT_LENGTH. */
export function checkCorrection(options: ItemOption[]): { items: CorrectionItem[] } | { formError: string; itemErrors: Record<string, string> } {
  const chosen = options.filter((o) => o.checked);
  if (chosen.length === 0) return { formError: FIELD_MESSAGES.correctionItems, itemErrors: {} };
  const itemErrors: Record<string, string> = {};
  for (const o of chosen) {
    const length = Array.from(o.message.trim()).length;
    if (length < STAFF_TEXT_LENGTH.min) itemErrors[o.item] = FIELD_MESSAGES.correctionMessage;
    else if (length > MESSAGE_MAX) itemErrors[o.item] = FIELD_MESSAGES.tooLong(MESSAGE_MAX);
  }
  if (Object.keys(itemErrors).length > 0) return { formError: '', itemErrors };
  return { items: chosen.map((o) => ({ item: o.item, message: o.message.trim() })) };
}
