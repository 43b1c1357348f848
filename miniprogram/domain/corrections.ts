// What staff may ask a resident to correct in an application (never the name or ID number), and what
// the resident may then change.
import type { ApplicationKind, CorrectionItem, ReissueReason, Residence, ResidenceKind, TimelineEntry } from './contract';
import { fieldLabel } from './labels';
import { needsRelationStatement, requiredMaterials } from './materials';
import { needsOrganisation, RESIDENCE_FIELDS } from './residence';

/** What decides an application's correctable items: its kind, its home (a declaration's) and a replacement's reason. */
export interface CorrectableApplication {
  kind: ApplicationKind;
  residence?: Pick<Residence, 'kind' | 'basis'>;
  reason?: ReissueReason;
}

/**
 * The items of this application that can be asked for: its fields as it has them, and only the materials
 * it must have — no organisation when its basis names no employer or school, no ID photo on a
 * declaration, no old card on a lost one, no relation statement for a rented home.
 */
export function correctableItems({ kind, residence, reason }: CorrectableApplication): string[] {
  const materials = requiredMaterials(kind, residence?.kind ?? 'rent', reason).map((m) => `materials.${m.field}`);
  if (kind === 'declaration') {
    const fields = RESIDENCE_FIELDS.filter((f) => f !== 'organisation' || needsOrganisation(residence?.basis));
    return ['applicant.mobile', 'applicant.hukouAddress', 'applicant.ethnicity', ...fields.map((f) => `residence.${f}`), ...materials];
  }
  return ['contact.mobile', ...materials];
}

/**
 * What a resubmission may change: the items asked for and what exists only because of one of them.
 * When the kind of residence was asked for and is now one that needs it, the relation statement — the
 * material follows the corrected kind. When the basis was asked for, the organisation (employer or
 * school) — it follows the corrected basis: required when the new basis names one, and dropped, as on
 * first submission, when it names none.
 */
export function changeableItems(asked: readonly string[], residenceKind: ResidenceKind | undefined): string[] {
  const items = [...asked];
  const add = (item: string) => {
    if (!items.includes(item)) items.push(item);
  };
  if (asked.includes('residence.kind') && residenceKind !== undefined && needsRelationStatement(residenceKind)) add('materials.relationStatement');
  if (asked.includes('residence.basis')) add('residence.organisation');
  return items;
}

/** The items of the latest correction request in a timeline: the ones still to correct. */
export function latestRequest(timeline: readonly Pick<TimelineEntry, 'status' | 'items'>[]): CorrectionItem[] {
  return [...timeline].reverse().find((t) => t.status === 'correction_requested')?.items ?? [];
}

/** One item as residents and staff read it: 手机号码：号码无法接通. */
export function correctionLine(item: CorrectionItem): string {
  return `${fieldLabel(item.item)}：${item.message}`;
}

/** A refused application's reasons (a refusal ends the application, so there is one); none for any other. */
export function refusalReasons(app: { status: string; timeline: readonly TimelineEntry[] }): string[] {
  if (app.status !== 'rejected') return [];
  const refusal = [...app.timeline].reverse().find((entry) => entry.status === 'rejected');
  return refusal?.reasons ?? [];
}
