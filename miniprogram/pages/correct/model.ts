// 补正: which fields and materials a correction request asks for, how each is edited, and the
// changes to send — only those items, as the server accepts nothing else.
import type { ApplicationDetail, CorrectionItem, Materials, ResidenceKind } from '../../domain/contract';
import { changeableItems } from '../../domain/corrections';
import { mobileProblem } from '../../domain/declarationForm';
import { districtName } from '../../domain/districts';
import { FIELD_MESSAGES } from '../../domain/errors';
import { fieldLabel } from '../../domain/labels';
import { BASIS_OPTIONS, KIND_OPTIONS, flatKey } from '../../components/declaration-form/model';
import type { MaterialField } from '../../domain/materials';
import { restoreLists, type UploadLists } from '../../components/material-uploads/model';

export type Editor = 'text' | 'textarea' | 'number' | 'ethnicity' | 'district' | 'date' | 'choice';

export interface FieldRow {
  path: string;
  /** 'applicant_mobile': setData and WXML read dots as nesting. */
  key: string;
  label: string;
  editor: Editor;
  maxlength: number;
  value: string;
  /** What the person sees for a coded value (a district's name). */
  shown: string;
  options: { value: string; label: string }[];
}

const EDITORS: Record<string, { editor: Editor; maxlength?: number }> = {
  'applicant.mobile': { editor: 'number', maxlength: 11 },
  'contact.mobile': { editor: 'number', maxlength: 11 },
  'applicant.hukouAddress': { editor: 'textarea', maxlength: 100 },
  'applicant.ethnicity': { editor: 'ethnicity' },
  'residence.district': { editor: 'district' },
  'residence.street': { editor: 'text', maxlength: 50 },
  'residence.address': { editor: 'textarea', maxlength: 100 },
  'residence.since': { editor: 'date' },
  'residence.kind': { editor: 'choice' },
  'residence.basis': { editor: 'choice' },
  'residence.organisation': { editor: 'text', maxlength: 50 },
};

const CHOICES: Record<string, { value: string; label: string }[]> = {
  'residence.kind': KIND_OPTIONS,
  'residence.basis': BASIS_OPTIONS,
};

function currentValue(app: ApplicationDetail, path: string): string {
  const [part, key] = path.split('.');
  // A later service's contact mobile is kept as its applicant's mobile.
  const source = (part === 'applicant' ? app.applicant : part === 'residence' ? app.residence : part === 'contact' ? { mobile: app.applicant.mobile } : undefined) as
    | Record<string, unknown>
    | undefined;
  const value = source?.[key];
  return typeof value === 'string' ? value : '';
}

export function shownValue(path: string, value: string): string {
  return path === 'residence.district' && value ? districtName(value) : value;
}

export function fieldRows(app: ApplicationDetail, items: CorrectionItem[]): FieldRow[] {
  return items
    .filter((i) => EDITORS[i.item])
    .map((i) => {
      const value = currentValue(app, i.item);
      return {
        path: i.item,
        key: flatKey(i.item),
        label: fieldLabel(i.item),
        editor: EDITORS[i.item].editor,
        maxlength: EDITORS[i.item].maxlength ?? 50,
        value,
        shown: shownValue(i.item, value),
        options: CHOICES[i.item] ?? [],
      };
    });
}

export function materialItems(items: CorrectionItem[]): MaterialField[] {
  return items.filter((i) => i.item.startsWith('materials.')).map((i) => i.item.slice('materials.'.length) as MaterialField);
}

/**
 * The materials to upload: those asked for, and a relation statement when the kind of residence,
 * corrected to a relative's home or another case, newly needs one.
 */
export function materialFieldsFor(items: CorrectionItem[], residenceKind: ResidenceKind, hasRelationStatement: boolean): MaterialField[] {
  const fields = materialItems(items);
  const mayAdd = changeableItems(items.map((i) => i.item), residenceKind).includes('materials.relationStatement');
  if (mayAdd && !fields.includes('relationStatement') && !hasRelationStatement) fields.push('relationStatement');
  return fields;
}

/** What the page keeps on the phone until the correction is sent, for the request it answers. */
export interface CorrectionDraft {
  /** The application's updatedAt when the request was made: a draft for an earlier request is dropped. */
  stamp: number;
  values: Record<string, string>;
  uploads: Record<string, unknown>;
  /** The request id of a resubmission sent and not yet answered: only the same id gets its answer after a restart. */
  requestId?: string;
}

/**
 * The photos 补正 starts from: for each material, the draft's list when the person already worked on it
 * here (their removals stand), else what the application holds.
 */
export function startingUploads(submitted: UploadLists, draft: unknown): UploadLists {
  return { ...submitted, ...restoreLists(draft) };
}

/** The materials' messages still standing: a material the person has just changed is judged again on submit. */
export function errorsAfterChange(
  errors: Partial<Record<MaterialField, string>>,
  before: UploadLists,
  after: UploadLists,
): Partial<Record<MaterialField, string>> {
  const photos = (lists: UploadLists, field: string) => JSON.stringify((lists[field as MaterialField] ?? []).map((i) => i.key));
  return Object.fromEntries(Object.entries(errors).filter(([field]) => photos(before, field) === photos(after, field)));
}

/** The rows with a draft's values put back. */
export function restoreRows(rows: FieldRow[], values: Record<string, unknown> | undefined): FieldRow[] {
  return rows.map((row) => {
    const value = values?.[row.path];
    return typeof value === 'string' ? { ...row, value, shown: shownValue(row.path, value) } : row;
  });
}

/** A first check on the phone; the server checks everything again. */
export function rowErrors(rows: FieldRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const row of rows) {
    if (!row.value.trim()) errors[row.key] = FIELD_MESSAGES.required;
    else if (row.editor === 'number' && mobileProblem(row.value)) errors[row.key] = FIELD_MESSAGES.mobile;
  }
  return errors;
}

/** The resubmit payload's parts: each asked field's new value, and the new materials. */
export function changesOf(rows: FieldRow[], materials: Partial<Materials>): Record<string, Record<string, unknown>> {
  const changes: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    const [part, key] = row.path.split('.');
    changes[part] = { ...changes[part], [key]: row.value.trim() };
  }
  if (Object.keys(materials).length > 0) changes.materials = { ...materials };
  return changes;
}
