// The rules of the declaration's self-check form and materials: the page checks with them as the
// person types, and the server checks again with the very same code before anything is stored.
import type { Applicant, ApplicationKind, Basis, Materials, ReissueReason, Residence, ResidenceKind } from './contract';
import { BASES, RESIDENCE_KINDS } from './contract';
import { isBefore, parseDate } from './dates';
import { DISTRICTS } from './districts';
import { FIELD_MESSAGES } from './errors';
import { ETHNICITIES } from './ethnicities';
import { birthDateOf, idNumberProblem, normaliseIdNumber } from './idNumber';
import { FIELD_LENGTHS, MOBILE_LENGTH, type LimitedField } from './limits';
import { MAX_PROOFS, requiredMaterials } from './materials';
import { needsOrganisation } from './residence';
import { Checker, isId, isPlainObject, type TextOptions } from './validation';

export const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z·.\s]*$/u;
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** A number of a mobile's length, whatever it starts with: told apart so its message does not ask for 11 digits. */
const MOBILE_DIGITS = new RegExp(`^\\d{${MOBILE_LENGTH}}$`);
/** The two addresses are typed in boxes that wrap, where Enter is easily pressed: a line break there is a space. */
const ADDRESS = { foldLineBreaks: true };

/** A text field of the form, within its limits (limits.ts). */
function limitedText(c: Checker, path: string, field: LimitedField, value: unknown, message?: string, options?: TextOptions): string | undefined {
  const { min, max } = FIELD_LENGTHS[field];
  return c.text(path, value, min, max, message, options);
}

/** What is wrong with a mobile number: its length or characters, or 11 digits that no mainland mobile has. */
export function mobileProblem(value: string): string | null {
  if (MOBILE_PATTERN.test(value)) return null;
  return MOBILE_DIGITS.test(value) ? FIELD_MESSAGES.mobileNotMainland : FIELD_MESSAGES.mobile;
}

export function checkPersonName(c: Checker, path: string, value: unknown): string | undefined {
  const name = limitedText(c, path, 'name', value, FIELD_MESSAGES.name);
  return name === undefined ? undefined : c.rule(path, name, NAME_PATTERN.test(name) ? null : FIELD_MESSAGES.name);
}

/** A valid ID number, normalised (a trailing x upper-cased). */
export function checkIdNumber(c: Checker, path: string, value: unknown, today: string): string | undefined {
  // Read with a bound of its own length: the rule below says what is wrong with a shorter one.
  const raw = c.text(path, value, 1, FIELD_LENGTHS.idNumber.max, FIELD_MESSAGES.idLength);
  return raw === undefined ? undefined : c.rule(path, normaliseIdNumber(raw), idNumberProblem(raw, today));
}

/** The applicant part of the form, normalised (ID number upper-cased). */
export function checkApplicant(c: Checker, value: unknown, today: string, path = 'applicant'): Applicant | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const name = checkPersonName(c, `${path}.name`, raw.name);
  const idNumber = checkIdNumber(c, `${path}.idNumber`, raw.idNumber, today);
  const details = checkApplicantDetails(c, raw, path);
  if (!name || !idNumber || !details) return undefined;
  return { name, idNumber, ...details };
}

/** What a person declares of themselves besides who they are: a declaration after a move types only these. */
export type ApplicantDetails = Omit<Applicant, 'name' | 'idNumber'>;

/** Whether an applicant part leaves out who the person is (both name and ID number), as one declaring again after a move may. */
export function omitsIdentity(value: unknown): boolean {
  return isPlainObject(value) && value.name === undefined && value.idNumber === undefined;
}

/** The applicant part without name and ID number, read from an object the caller has already checked. */
export function checkApplicantDetails(c: Checker, raw: Record<string, unknown>, path = 'applicant'): ApplicantDetails | undefined {
  const ethnicity = c.oneOf(`${path}.ethnicity`, raw.ethnicity, ETHNICITIES, FIELD_MESSAGES.ethnicity);
  let mobile = limitedText(c, `${path}.mobile`, 'mobile', raw.mobile, FIELD_MESSAGES.mobile);
  if (mobile !== undefined) mobile = c.rule(`${path}.mobile`, mobile, mobileProblem(mobile));
  const hukouAddress = limitedText(c, `${path}.hukouAddress`, 'hukouAddress', raw.hukouAddress, undefined, ADDRESS);
  if (!ethnicity || !mobile || !hukouAddress) return undefined;
  return { ethnicity, mobile, hukouAddress };
}

/**
 * The residence part. `since` may not be in the future nor before the person's birth date
 * (when the ID number is known and valid).
 */
export function checkResidence(c: Checker, value: unknown, today: string, idNumber?: string, path = 'residence'): Residence | undefined {
  return checkResidenceOf(c, value, today, idNumber ? birthDateOf(idNumber) : undefined, path);
}

/**
 * The same checks with the birth date given instead of the ID number: after submission the resident's
 * side holds only the masked number, and the birth date it was read from.
 */
export function checkResidenceOf(c: Checker, value: unknown, today: string, birthDate?: string, path = 'residence'): Residence | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const district = c.oneOf(
    `${path}.district`,
    raw.district,
    DISTRICTS.map((d) => d.code),
    FIELD_MESSAGES.district,
  );
  const street = limitedText(c, `${path}.street`, 'street', raw.street);
  const address = limitedText(c, `${path}.address`, 'address', raw.address, undefined, ADDRESS);
  let since: string | undefined;
  if (typeof raw.since !== 'string' || !parseDate(raw.since)) {
    c.fail(`${path}.since`, raw.since === undefined || raw.since === '' ? FIELD_MESSAGES.required : FIELD_MESSAGES.date);
  } else if (raw.since > today) {
    c.fail(`${path}.since`, FIELD_MESSAGES.futureDate);
  } else if (birthDate && isBefore(raw.since, birthDate)) {
    c.fail(`${path}.since`, FIELD_MESSAGES.beforeBirth);
  } else {
    since = raw.since;
  }
  const kind = c.oneOf<ResidenceKind>(`${path}.kind`, raw.kind, RESIDENCE_KINDS, FIELD_MESSAGES.residenceKind);
  const basis = c.oneOf<Basis>(`${path}.basis`, raw.basis, BASES, FIELD_MESSAGES.basis);
  let organisation: string | undefined;
  if (needsOrganisation(basis)) {
    organisation = limitedText(c, `${path}.organisation`, 'organisation', raw.organisation, FIELD_MESSAGES.organisation(basis));
  }
  if (!c.ok || !district || !street || !address || !since || !kind || !basis) return undefined;
  return { district, street, address, since, kind, basis, ...(organisation ? { organisation } : {}) };
}

/** A list of 1–MAX_PROOFS distinct file ids (the proofs). */
function checkFileList(c: Checker, path: string, value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_PROOFS) return c.fail(path, FIELD_MESSAGES.proofsCount(MAX_PROOFS));
  if (!value.every(isId)) return c.fail(path, FIELD_MESSAGES.file);
  if (new Set(value).size !== value.length) return c.fail(path, FIELD_MESSAGES.duplicateFile);
  return value as string[];
}

/**
 * Exactly the materials `requiredMaterials` names for the service, the residence kind and a
 * replacement's reason: file ids only, the proofs counted and distinct; anything else is not kept.
 * Without a valid residence kind (its own error is reported) only what every kind needs is asked.
 */
export function checkMaterials(
  c: Checker,
  value: unknown,
  service: ApplicationKind,
  residenceKind: ResidenceKind | undefined,
  reason?: ReissueReason,
  path = 'materials',
): Materials | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const checked: Record<string, string | string[]> = {};
  for (const { field, multiple } of requiredMaterials(service, residenceKind ?? 'rent', reason)) {
    const at = `${path}.${field}`;
    const files = multiple ? checkFileList(c, at, raw[field]) : c.id(at, raw[field], field === 'relationStatement' ? FIELD_MESSAGES.relationStatement : FIELD_MESSAGES.file);
    if (files) checked[field] = files;
  }
  return c.ok ? (checked as unknown as Materials) : undefined;
}

/** The contact of a later service: a valid mobile number. */
export function checkContact(c: Checker, value: unknown, path = 'contact'): { mobile: string } | undefined {
  const raw = c.object(path, value);
  const mobile = raw && limitedText(c, `${path}.mobile`, 'mobile', raw.mobile, FIELD_MESSAGES.mobile);
  return mobile && c.rule(`${path}.mobile`, mobile, mobileProblem(mobile)) ? { mobile } : undefined;
}

/**
 * The file ids of a (possibly unchecked) materials object that `checkMaterials` would keep, with the
 * path each sits at: only the materials the service, the residence kind and a replacement's reason
 * need, and only ids in a well-formed place (one id, or 1–MAX_PROOFS proofs). Whatever else the
 * payload holds is never looked at, so checking who owns them costs a handful of reads at most.
 */
export function materialFiles(
  materials: unknown,
  service: ApplicationKind,
  residenceKind: ResidenceKind | undefined,
  reason?: ReissueReason,
  path = 'materials',
): { path: string; fileId: string }[] {
  if (!isPlainObject(materials)) return [];
  const list: { path: string; fileId: string }[] = [];
  for (const { field, multiple } of requiredMaterials(service, residenceKind ?? 'rent', reason)) {
    const value = materials[field];
    const ids = !multiple ? [value] : Array.isArray(value) && value.length >= 1 && value.length <= MAX_PROOFS ? value : [];
    for (const fileId of ids) if (isId(fileId)) list.push({ path: `${path}.${field}`, fileId });
  }
  return list;
}
