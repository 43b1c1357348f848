// What staff may ask a resident to correct, by kind of application (never the name or ID number).
import type { ApplicationKind } from './contract';
import { MATERIAL_FIELDS } from './materials';

const RESIDENCE_FIELDS = ['district', 'street', 'address', 'since', 'kind', 'basis', 'organisation'];
const MATERIALS = MATERIAL_FIELDS.map((f) => `materials.${f}`);

export function correctableItems(kind: ApplicationKind): string[] {
  if (kind === 'declaration') {
    return ['applicant.mobile', 'applicant.hukouAddress', 'applicant.ethnicity', ...RESIDENCE_FIELDS.map((f) => `residence.${f}`), ...MATERIALS];
  }
  return ['contact.mobile', ...MATERIALS];
}
