// The fields of an application's person, home and contact as the contract names them, and which bases
// (申领依据) name an organisation and what that field is called for each.
import type { Applicant, Basis, Residence } from './contract';

export const APPLICANT_FIELDS: readonly (keyof Applicant)[] = ['name', 'idNumber', 'ethnicity', 'mobile', 'hukouAddress'];
export const RESIDENCE_FIELDS: readonly (keyof Residence)[] = ['district', 'street', 'address', 'since', 'kind', 'basis', 'organisation'];
/** A later service's contact: its own mobile, as the approved declaration gives everything else. */
export const CONTACT_FIELDS: readonly 'mobile'[] = ['mobile'];

/** The bases shown by an organisation: employment by the employer, study by the school. */
export type OrganisationBasis = Extract<Basis, 'employment' | 'study'>;

/** What the organisation field is called for each basis that needs one. */
export const ORGANISATION_NAMES: Readonly<Record<OrganisationBasis, string>> = {
  employment: '就业单位',
  study: '就读学校',
};

/** Whether a basis (as typed, so possibly not one yet) asks for the name of an employer or a school. */
export function needsOrganisation(basis: unknown): basis is OrganisationBasis {
  return typeof basis === 'string' && Object.prototype.hasOwnProperty.call(ORGANISATION_NAMES, basis);
}
