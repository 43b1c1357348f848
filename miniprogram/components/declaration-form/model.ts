// The self-check form's state and its checks, shared by the form component and its tests. The
// checks are the domain's, the very ones the server runs again.
import type { Applicant, ApplicantView, ApplicationKind, Residence } from '../../domain/contract';
import { RESIDENCE_KINDS, BASES } from '../../domain/contract';
import { isDate } from '../../domain/dates';
import { checkApplicant, checkApplicantDetails, checkResidence, checkResidenceOf } from '../../domain/declarationForm';
import { DISTRICTS, districtName } from '../../domain/districts';
import { birthDateOf, idNumberProblem, normaliseIdNumber, sexOf } from '../../domain/idNumber';
import { BASIS_LABELS, RESIDENCE_KIND_LABELS, SEX_LABELS } from '../../domain/labels';
import { FIELD_MAXLENGTHS } from '../../domain/limits';
import { requiredMaterials } from '../../domain/materials';
import { needsOrganisation, ORGANISATION_NAMES } from '../../domain/residence';
import { Checker } from '../../domain/validation';
import { longDate } from '../../utils/format';

/** What the person types, as typed: every value a string so a draft keeps half-finished input. */
export interface FormDraft {
  applicant: Record<keyof Applicant, string>;
  residence: Record<keyof Residence, string>;
}

export function emptyDraft(): FormDraft {
  return {
    applicant: { name: '', idNumber: '', ethnicity: '', mobile: '', hukouAddress: '' },
    residence: { district: '', street: '', address: '', since: '', kind: '', basis: '', organisation: '' },
  };
}

/**
 * The person of the approved declaration, who declares again after a move: shown, never typed, and left
 * out of what is sent (the server takes name and ID number from that declaration).
 */
export type KnownPerson = Pick<ApplicantView, 'name' | 'idNumberMasked' | 'birthDate' | 'sex'>;

/** A stored draft merged over an empty one, keeping only known string fields. */
export function restoreDraft(stored: unknown): FormDraft {
  const draft = emptyDraft();
  const source = (stored ?? {}) as Partial<Record<keyof FormDraft, Record<string, unknown>>>;
  for (const part of ['applicant', 'residence'] as const) {
    const target = draft[part] as Record<string, string>;
    for (const key of Object.keys(target)) {
      const value = source[part]?.[key];
      if (typeof value === 'string') target[key] = value;
    }
  }
  return draft;
}

/**
 * The draft as the payload parts the server takes (organisation only when the basis needs it; name and
 * ID number not at all for a known person).
 */
export function payloadOf(draft: FormDraft, known: KnownPerson | null = null): { applicant: Record<string, string>; residence: unknown } {
  const { organisation, ...residence } = draft.residence;
  const { name, idNumber, ...details } = draft.applicant;
  return { applicant: known ? details : { name, idNumber, ...details }, residence: needsOrganisation(residence.basis) ? { ...residence, organisation } : residence };
}

/** Every problem in the form, keyed by payload path ('applicant.mobile'). */
export function formErrors(draft: FormDraft, today: string, known: KnownPerson | null = null): Record<string, string> {
  const c = new Checker();
  const { applicant, residence } = payloadOf(draft, known);
  if (known) {
    checkApplicantDetails(c, applicant);
    checkResidenceOf(c, residence, today, known.birthDate);
    return c.errors;
  }
  const checked = checkApplicant(c, applicant, today);
  const id = normaliseIdNumber(draft.applicant.idNumber);
  checkResidence(c, residence, today, checked?.idNumber ?? (idNumberProblem(id, today) ? undefined : id));
  return c.errors;
}

export interface Derived {
  /** The birth date as people write it, e.g. 1990年3月7日. */
  birthDate: string;
  sex: string;
  /** The 居住起始日期 as people write it; the draft keeps 'YYYY-MM-DD'. */
  sinceText: string;
  districtName: string;
  kindLabel: string;
  basisLabel: string;
  needsOrganisation: boolean;
  organisationLabel: string;
  materials: { label: string; hint: string }[];
}

export function derivedOf(draft: FormDraft, today: string, service: ApplicationKind, known: KnownPerson | null = null): Derived {
  const id = normaliseIdNumber(draft.applicant.idNumber);
  const validId = idNumberProblem(id, today) === null;
  const kind = RESIDENCE_KINDS.find((k) => k === draft.residence.kind);
  const basis = BASES.find((b) => b === draft.residence.basis);
  const birthDate = known ? known.birthDate : validId ? birthDateOf(id) : '';
  const sex = known ? SEX_LABELS[known.sex] : validId ? SEX_LABELS[sexOf(id)] : '';
  return {
    birthDate: birthDate ? longDate(birthDate) : '',
    sex,
    sinceText: isDate(draft.residence.since) ? longDate(draft.residence.since) : '',
    districtName: draft.residence.district ? districtName(draft.residence.district) : '',
    kindLabel: kind ? RESIDENCE_KIND_LABELS[kind] : '',
    basisLabel: basis ? BASIS_LABELS[basis] : '',
    needsOrganisation: needsOrganisation(basis),
    organisationLabel: needsOrganisation(basis) ? ORGANISATION_NAMES[basis] : '',
    materials: kind ? requiredMaterials(service, kind).map(({ label, hint }) => ({ label, hint })) : [],
  };
}

export const DISTRICT_NAMES = DISTRICTS.map((d) => d.name);
/** Each text field's maxlength (limits.ts), bound into the WXML. */
export const MAXLENGTHS = FIELD_MAXLENGTHS;
/** The earliest day a residence can have started, for the date pickers. */
export const EARLIEST_SINCE = new Date(1950, 0, 1).getTime();

/** setData and WXML read dots as nesting, so errors are kept under 'applicant_name'-style keys. */
export const flatKey = (path: string): string => path.replace('.', '_');
/**
 * The selector of the field (class `field-<name>` in the WXML) of the first shown problem, in the order the
 * form shows them (formErrors checks the fields in that order); '' when nothing is shown.
 */
export function firstErrorSelector(shown: Record<string, string>): string {
  const first = Object.keys(shown)[0];
  return first === undefined ? '' : `.field-${first.slice(first.indexOf('_') + 1)}`;
}
export const KIND_OPTIONS = RESIDENCE_KINDS.map((value) => ({ value, label: RESIDENCE_KIND_LABELS[value] }));
export const BASIS_OPTIONS = BASES.map((value) => ({ value, label: BASIS_LABELS[value] }));

export function districtCodeAt(index: number): string {
  return DISTRICTS[index]?.code ?? '';
}
