// Where a flow starts from what is known already: a declaration after a move from the approved declaration,
// 重新申请 from the refused application. What proves who the person is and what they agreed to — the face
// check, the notice, and the ID number the phone never holds in full — is never carried over.
import type { ApplicationDetail, ApplicationKind, ReissueReason } from '../../domain/contract';
import { refusalReasons } from '../../domain/corrections';
import type { MaterialField } from '../../domain/materials';
import { emptyDraft, type FormDraft, type KnownPerson } from '../../components/declaration-form/model';
import { listsFromMaterials, type UploadLists } from '../../components/material-uploads/model';

export function knownPersonOf(declaration: ApplicationDetail): KnownPerson {
  const { name, idNumberMasked, birthDate, sex } = declaration.applicant;
  return { name, idNumberMasked, birthDate, sex };
}

/**
 * The form after a move: the person's details as last declared, and the basis with its employer or school,
 * which a move seldom changes. The address, the date it started and the kind of home are the new home's.
 */
export function draftAfterMove(declaration: ApplicationDetail): FormDraft {
  const draft = emptyDraft();
  const { ethnicity, mobile, hukouAddress } = declaration.applicant;
  draft.applicant = { ...draft.applicant, ethnicity, mobile, hukouAddress };
  const residence = declaration.residence;
  if (residence) draft.residence = { ...draft.residence, basis: residence.basis, organisation: residence.organisation ?? '' };
  return draft;
}

/** What a refused application gives the new one: its form (the name, not the ID number), its photos, its reason. */
export interface Reapplication {
  reasons: string[];
  draft: FormDraft;
  uploads: UploadLists;
  reason?: ReissueReason;
}

/** The starting point of applying again after `app` was refused; null for any other application or service. */
export function reapplicationOf(app: ApplicationDetail, service: ApplicationKind, resolve: (url: string) => string): Reapplication | null {
  if (app.status !== 'rejected' || app.kind !== service) return null;
  const draft = emptyDraft();
  const { name, ethnicity, mobile, hukouAddress } = app.applicant;
  draft.applicant = { ...draft.applicant, name, ethnicity, mobile, hukouAddress };
  if (app.residence) draft.residence = { ...app.residence, organisation: app.residence.organisation ?? '' };
  const uploads = listsFromMaterials(app.materials, Object.keys(app.materials) as MaterialField[], resolve);
  return { reasons: refusalReasons(app), draft, uploads, ...(app.reason ? { reason: app.reason } : {}) };
}
