// Citizen ID numbers (公民身份号码, GB 11643-1999): validation, derived birth date and sex, masking.
import { FIELD_MESSAGES } from './errors';
import { formatDate, parseDate } from './dates';
import { ID_NUMBER_LENGTH } from './limits';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Upper-cases a trailing x and trims spaces people paste around the number. */
export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The birth date coded in a (structurally valid) 18-character number. */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** The 17th character is odd for men and even for women. */
export function sexOf(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * Why the number is not a valid ID number, or null when it is. `today` (China time) bounds the
 * birth date, which must be a real date between 1900-01-01 and today.
 */
export function idNumberProblem(raw: string, today: string): string | null {
  const id = normaliseIdNumber(raw);
  if (id.length !== ID_NUMBER_LENGTH) return FIELD_MESSAGES.idLength;
  if (!/^\d{17}[\dX]$/.test(id)) return FIELD_MESSAGES.idChars;
  // Province codes run from 11 (北京) to 82 (澳门); a leading 0 or 9 is never issued.
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 82) return FIELD_MESSAGES.idArea;
  const birth = parseDate(birthDateOf(id));
  if (!birth || formatDate(birth) > today) return FIELD_MESSAGES.idBirth;
  if (checkDigit(id.slice(0, 17)) !== id[17]) return FIELD_MESSAGES.idCheckDigit;
  return null;
}

/** Keeps the first 6 and last 4 characters: 430104********123X. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 10 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
