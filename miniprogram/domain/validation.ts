// Small field checkers that collect every problem by its payload path, so one answer lists them all.
import { FIELD_MESSAGES } from './errors';
import { textLabel } from './labels';
import { MAX_ID_LENGTH } from './limits';

export type FieldErrors = Record<string, string>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether text holds a character that is never stored: a control character (C0, DEL, C1; a line break
 * only where the text may have several lines), half of a surrogate pair, or a bidirectional embedding,
 * override or isolate (U+202A–U+202E, U+2066–U+2069), which makes text read otherwise than it is.
 * Written as a loop over code units, so it needs no regex feature an older phone lacks.
 */
export function hasUnsafeCharacter(text: string, multiline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20) {
      if (multiline && unit === 0x0a) continue;
      return true;
    }
    if (unit >= 0x7f && unit <= 0x9f) return true;
    if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

export interface TextOptions {
  /** Line breaks are kept (a reason or a note written on several lines). */
  multiline?: boolean;
  /** Line breaks read as spaces: an address typed in a box that wraps, where Enter is easily pressed. */
  foldLineBreaks?: boolean;
}

/** Collects field errors; each checker returns the cleaned value, or undefined after recording a problem. */
export class Checker {
  readonly errors: FieldErrors = {};

  fail(path: string, message: string): undefined {
    // An own-key test: `in` would find `constructor` or `toString` on every object.
    // Defined, not assigned: a path `__proto__` must become a field, not the object's prototype.
    if (!Object.prototype.hasOwnProperty.call(this.errors, path)) {
      Object.defineProperty(this.errors, path, { value: message, enumerable: true, writable: true, configurable: true });
    }
    return undefined;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** An object at `path`; a missing or non-object value is an error on the path itself. */
  object(path: string, value: unknown): Record<string, unknown> | undefined {
    if (value === undefined || value === null || value === '') return this.fail(path, FIELD_MESSAGES.required);
    return isPlainObject(value) ? value : this.fail(path, FIELD_MESSAGES.required);
  }

  /**
   * Trimmed text of min..max characters (counted as code points, so a 汉字 is one), without a character
   * `hasUnsafeCharacter` refuses; that refusal has its own message naming the field.
   */
  text(path: string, value: unknown, min: number, max: number, message?: string, options: TextOptions = {}): string | undefined {
    if (value === undefined || value === null || value === '') return this.fail(path, message ?? FIELD_MESSAGES.required);
    if (typeof value !== 'string') return this.fail(path, message ?? FIELD_MESSAGES.notText);
    const text = (options.multiline ? value.replace(/\r\n?/g, '\n') : options.foldLineBreaks ? value.replace(/[\r\n]+/g, ' ') : value).trim();
    // A code point is one or two code units: text longer than twice the limit is refused before it is read.
    if (text.length > max * 2) return this.fail(path, message ?? FIELD_MESSAGES.tooLong(max));
    if (hasUnsafeCharacter(text, options.multiline)) return this.fail(path, FIELD_MESSAGES.unsafeText(textLabel(path)));
    const length = Array.from(text).length;
    if (length === 0) return this.fail(path, message ?? FIELD_MESSAGES.required);
    if (length < min) return this.fail(path, message ?? FIELD_MESSAGES.tooShort(min));
    if (length > max) return this.fail(path, message ?? FIELD_MESSAGES.tooLong(max));
    return text;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], message: string): T | undefined {
    return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : this.fail(path, message);
  }

  /** An opaque identifier: 1–MAX_ID_LENGTH characters without spaces or characters that are never stored. */
  id(path: string, value: unknown, message: string): string | undefined {
    return isId(value) ? value : this.fail(path, message);
  }

  /** Records a problem reported by a rule function (null means fine). */
  rule<T>(path: string, value: T, problem: string | null): T | undefined {
    return problem === null ? value : this.fail(path, problem);
  }
}

/** The shape of an identifier `Checker.id` accepts. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && /^[^\s]+$/.test(value) && !hasUnsafeCharacter(value);
}
