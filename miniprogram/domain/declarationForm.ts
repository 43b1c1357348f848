// The rules of the declaration's self-check form and materials: the page checks with them as the
// person types, and the server checks again with the very same code before anything is stored.
import type { Applicant, Basis, Materials, Residence, ResidenceKind } from './contract';
import { BASES, RESIDENCE_KINDS } from './contract';
import { isBefore, parseDate } from './dates';
import { DISTRICTS } from './districts';
import { FIELD_MESSAGES } from './errors';
import { ETHNICITIES } from './ethnicities';
import { birthDateOf, idNumberProblem, normaliseIdNumber } from './idNumber';
import { MATERIAL_FIELDS, MAX_PROOFS, needsRelationStatement } from './materials';
import { Checker } from './validation';

const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z·.\s]*$/u;
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function mobileProblem(value: string): string | null {
  return MOBILE_PATTERN.test(value) ? null : FIELD_MESSAGES.mobile;
}

export function checkPersonName(c: Checker, path: string, value: unknown): string | undefined {
  const name = c.text(path, value, 2, 30, FIELD_MESSAGES.name);
  return name === undefined ? undefined : c.rule(path, name, NAME_PATTERN.test(name) ? null : FIELD_MESSAGES.name);
}

/** A valid ID number, normalised (a trailing x upper-cased). */
export function checkIdNumber(c: Checker, path: string, value: unknown, today: string): string | undefined {
  const raw = c.text(path, value, 1, 20, FIELD_MESSAGES.idLength);
  return raw === undefined ? undefined : c.rule(path, normaliseIdNumber(raw), idNumberProblem(raw, today));
}

/** The applicant part of the form, normalised (ID number upper-cased). */
export function checkApplicant(c: Checker, value: unknown, today: string, path = 'applicant'): Applicant | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const name = checkPersonName(c, `${path}.name`, raw.name);
  const idNumber = checkIdNumber(c, `${path}.idNumber`, raw.idNumber, today);
  const ethnicity = c.oneOf(`${path}.ethnicity`, raw.ethnicity, ETHNICITIES, FIELD_MESSAGES.ethnicity);
  let mobile = c.text(`${path}.mobile`, raw.mobile, 11, 11, FIELD_MESSAGES.mobile);
  if (mobile !== undefined) mobile = c.rule(`${path}.mobile`, mobile, mobileProblem(mobile));
  const hukouAddress = c.text(`${path}.hukouAddress`, raw.hukouAddress, 5, 100);
  if (!name || !idNumber || !ethnicity || !mobile || !hukouAddress) return undefined;
  return { name, idNumber, ethnicity, mobile, hukouAddress };
}

/**
 * The residence part. `since` may not be in the future nor before the person's birth date
 * (when the ID number is known and valid).
 */
export function checkResidence(
  c: Checker,
  value: unknown,
  today: string,
  idNumber?: string,
  path = 'residence',
): Residence | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const district = c.oneOf(
    `${path}.district`,
    raw.district,
    DISTRICTS.map((d) => d.code),
    FIELD_MESSAGES.district,
  );
  const street = c.text(`${path}.street`, raw.street, 2, 50);
  const address = c.text(`${path}.address`, raw.address, 2, 100);
  let since: string | undefined;
  if (typeof raw.since !== 'string' || !parseDate(raw.since)) {
    c.fail(`${path}.since`, raw.since === undefined || raw.since === '' ? FIELD_MESSAGES.required : FIELD_MESSAGES.date);
  } else if (raw.since > today) {
    c.fail(`${path}.since`, FIELD_MESSAGES.futureDate);
  } else if (idNumber && isBefore(raw.since, birthDateOf(idNumber))) {
    c.fail(`${path}.since`, FIELD_MESSAGES.beforeBirth);
  } else {
    since = raw.since;
  }
  const kind = c.oneOf<ResidenceKind>(`${path}.kind`, raw.kind, RESIDENCE_KINDS, FIELD_MESSAGES.residenceKind);
  const basis = c.oneOf<Basis>(`${path}.basis`, raw.basis, BASES, FIELD_MESSAGES.basis);
  let organisation: string | undefined;
  if (basis === 'employment' || basis === 'study') {
    organisation = c.text(`${path}.organisation`, raw.organisation, 2, 50, FIELD_MESSAGES.organisation(basis));
  }
  if (!c.ok || !district || !street || !address || !since || !kind || !basis) return undefined;
  return { district, street, address, since, kind, basis, ...(organisation ? { organisation } : {}) };
}

/** Materials of a declaration or voucher (plus the photo for a permit): file ids only, counted and de-duplicated. */
export function checkMaterials(
  c: Checker,
  value: unknown,
  residenceKind: ResidenceKind | undefined,
  options: { photo?: boolean } = {},
  path = 'materials',
): Materials | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const idFront = c.id(`${path}.idFront`, raw.idFront, FIELD_MESSAGES.file);
  let proofs: string[] | undefined;
  if (!Array.isArray(raw.proofs) || raw.proofs.length < 1 || raw.proofs.length > MAX_PROOFS) {
    c.fail(`${path}.proofs`, FIELD_MESSAGES.proofsCount(MAX_PROOFS));
  } else if (raw.proofs.some((p) => typeof p !== 'string' || !/^[^\s]{1,128}$/.test(p))) {
    c.fail(`${path}.proofs`, FIELD_MESSAGES.file);
  } else if (new Set(raw.proofs).size !== raw.proofs.length) {
    c.fail(`${path}.proofs`, FIELD_MESSAGES.duplicateFile);
  } else {
    proofs = raw.proofs as string[];
  }
  let relationStatement: string | undefined;
  if (residenceKind && needsRelationStatement(residenceKind)) {
    relationStatement = c.id(`${path}.relationStatement`, raw.relationStatement, FIELD_MESSAGES.relationStatement);
  }
  const photo = options.photo ? c.id(`${path}.photo`, raw.photo, FIELD_MESSAGES.file) : undefined;
  if (!c.ok || !idFront || !proofs) return undefined;
  return { idFront, proofs, ...(relationStatement ? { relationStatement } : {}), ...(photo ? { photo } : {}) };
}

/** Every file id a (possibly unchecked) materials object references, with the path each sits at. */
export function materialFiles(materials: Record<string, unknown>, path = 'materials'): { path: string; fileId: string }[] {
  const list: { path: string; fileId: string }[] = [];
  for (const field of MATERIAL_FIELDS) {
    const value = materials[field];
    const ids = Array.isArray(value) ? value : [value];
    for (const fileId of ids) if (typeof fileId === 'string' && fileId !== '') list.push({ path: `${path}.${field}`, fileId });
  }
  return list;
}

/** A replacement's or renewal's materials: the ID front and a photo, and the old card when it is damaged. */
export function checkReissueMaterials(c: Checker, value: unknown, damaged: boolean, path = 'materials'): Materials | undefined {
  const raw = c.object(path, value);
  if (!raw) return undefined;
  const idFront = c.id(`${path}.idFront`, raw.idFront, FIELD_MESSAGES.file);
  const photo = c.id(`${path}.photo`, raw.photo, FIELD_MESSAGES.file);
  const damagedCard = damaged ? c.id(`${path}.damagedCard`, raw.damagedCard, FIELD_MESSAGES.file) : undefined;
  if (!idFront || !photo || (damaged && !damagedCard)) return undefined;
  return { idFront, proofs: [], photo, ...(damagedCard ? { damagedCard } : {}) };
}
