// What staff may ask a resident to correct, by kind of application (never the name or ID number).
import { REISSUE_REASONS, RESIDENCE_KINDS, type ApplicationKind, type CorrectionItem, type TimelineEntry } from './contract';
import { fieldLabel } from './labels';
import { requiredMaterials } from './materials';

const RESIDENCE_FIELDS = ['district', 'street', 'address', 'since', 'kind', 'basis', 'organisation'];

/** Every material the kind can need, whatever the residence or reason: a declaration never needs an ID photo. */
function possibleMaterials(kind: ApplicationKind): string[] {
  const fields = new Set<string>();
  for (const residenceKind of RESIDENCE_KINDS) {
    for (const reason of REISSUE_REASONS) requiredMaterials(kind, residenceKind, reason).forEach((m) => fields.add(`materials.${m.field}`));
  }
  return [...fields];
}

export function correctableItems(kind: ApplicationKind): string[] {
  const materials = possibleMaterials(kind);
  if (kind === 'declaration') {
    return ['applicant.mobile', 'applicant.hukouAddress', 'applicant.ethnicity', ...RESIDENCE_FIELDS.map((f) => `residence.${f}`), ...materials];
  }
  return ['contact.mobile', ...materials];
}

/** The items of the latest correction request in a timeline: the ones still to correct. */
export function latestRequest(timeline: readonly Pick<TimelineEntry, 'status' | 'items'>[]): CorrectionItem[] {
  return [...timeline].reverse().find((t) => t.status === 'correction_requested')?.items ?? [];
}

/** One item as residents and staff read it: 手机号码：号码无法接通. */
export function correctionLine(item: CorrectionItem): string {
  return `${fieldLabel(item.item)}：${item.message}`;
}
