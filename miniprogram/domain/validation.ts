// Small field checkers that collect every problem by its payload path, so one answer lists them all.
import { FIELD_MESSAGES } from './errors';

export type FieldErrors = Record<string, string>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects field errors; each checker returns the cleaned value, or undefined after recording a problem. */
export class Checker {
  readonly errors: FieldErrors = {};

  fail(path: string, message: string): undefined {
    if (!(path in this.errors)) this.errors[path] = message;
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

  /** Trimmed text of min..max characters (counted as code points, so a 汉字 is one). */
  text(path: string, value: unknown, min: number, max: number, message?: string): string | undefined {
    if (value === undefined || value === null || value === '') return this.fail(path, message ?? FIELD_MESSAGES.required);
    if (typeof value !== 'string') return this.fail(path, message ?? FIELD_MESSAGES.notText);
    const text = value.trim();
    const length = Array.from(text).length;
    if (length === 0) return this.fail(path, message ?? FIELD_MESSAGES.required);
    if (length < min) return this.fail(path, message ?? FIELD_MESSAGES.tooShort(min));
    if (length > max) return this.fail(path, message ?? FIELD_MESSAGES.tooLong(max));
    return text;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], message: string): T | undefined {
    return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : this.fail(path, message);
  }

  /** An opaque identifier: 1–128 characters without spaces. */
  id(path: string, value: unknown, message: string): string | undefined {
    return typeof value === 'string' && /^[^\s]{1,128}$/.test(value) ? value : this.fail(path, message);
  }

  /** Records a problem reported by a rule function (null means fine). */
  rule<T>(path: string, value: T, problem: string | null): T | undefined {
    return problem === null ? value : this.fail(path, problem);
  }
}
