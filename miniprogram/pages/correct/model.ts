// 补正: which fields and materials a correction request asks for, how each is edited, and the
// changes to send — only those items and what follows from them, as the server accepts nothing else.
import type { ApplicationDetail, CorrectionItem, Materials, ResidenceKind } from '../../domain/contract';
import { changeableItems } from '../../domain/corrections';
import { chinaDate, isDate } from '../../domain/dates';
import { checkApplicant, checkContact, checkResidenceOf } from '../../domain/declarationForm';
import { districtName } from '../../domain/districts';
import { FIELD_MESSAGES } from '../../domain/errors';
import { fieldLabel } from '../../domain/labels';
import { FIELD_MAXLENGTHS } from '../../domain/limits';
import { ORGANISATION_NAMES, needsOrganisation } from '../../domain/residence';
import { Checker } from '../../domain/validation';
import { BASIS_OPTIONS, KIND_OPTIONS, flatKey } from '../../components/declaration-form/model';
import type { MaterialField } from '../../domain/materials';
import { restoreLists, type UploadLists } from '../../components/material-uploads/model';
import { longDate } from '../../utils/format';

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
  /**
   * A row that follows another and that the other's value does not need (the organisation under a basis
   * that names none): not shown, not checked, not sent, but its value is kept should the basis change back.
   */
  hidden?: boolean;
}

const EDITORS: Record<string, Editor> = {
  'applicant.mobile': 'number',
  'contact.mobile': 'number',
  'applicant.hukouAddress': 'textarea',
  'applicant.ethnicity': 'ethnicity',
  'residence.district': 'district',
  'residence.street': 'text',
  'residence.address': 'textarea',
  'residence.since': 'date',
  'residence.kind': 'choice',
  'residence.basis': 'choice',
  'residence.organisation': 'text',
};

/** A typed field's maxlength, the first form's (limits.ts); a picked value has none (-1, as Vant reads it). */
function maxlengthOf(path: string): number {
  const field = path.slice(path.indexOf('.') + 1);
  return Object.prototype.hasOwnProperty.call(FIELD_MAXLENGTHS, field) ? FIELD_MAXLENGTHS[field as keyof typeof FIELD_MAXLENGTHS] : -1;
}

const CHOICES: Record<string, { value: string; label: string }[]> = {
  'residence.kind': KIND_OPTIONS,
  'residence.basis': BASIS_OPTIONS,
};

function currentValue(app: ApplicationDetail, path: string): string {
  const [part, key] = path.split('.');
  // A later service's contact mobile is kept as its applicant's mobile.
  const source = (part === 'applicant' ? app.applicant : part === 'residence' ? app.residence : part === 'contact' ? { mobile: app.applicant.mobile } : undefined) as
    Record<string, unknown> | undefined;
  const value = source?.[key];
  return typeof value === 'string' ? value : '';
}

export function shownValue(path: string, value: string): string {
  if (path === 'residence.district' && value) return districtName(value);
  // A date is kept as 'YYYY-MM-DD' and shown as people write it.
  if (path === 'residence.since' && isDate(value)) return longDate(value);
  return value;
}

/**
 * The rows to edit: each field asked for and, right after a basis asked for, the organisation that
 * follows it (changeableItems), shown only while the basis chosen names one.
 */
export function fieldRows(app: ApplicationDetail, items: CorrectionItem[]): FieldRow[] {
  const asked = items.map((i) => i.item);
  const paths = asked.filter((path) => EDITORS[path]);
  const organisation = 'residence.organisation';
  if (!paths.includes(organisation) && changeableItems(asked, app.residence?.kind).includes(organisation)) {
    paths.splice(paths.indexOf('residence.basis') + 1, 0, organisation);
  }
  const rows = paths.map((path) => {
    const value = currentValue(app, path);
    return {
      path,
      key: flatKey(path),
      label: fieldLabel(path),
      editor: EDITORS[path],
      maxlength: maxlengthOf(path),
      value,
      shown: shownValue(path, value),
      options: CHOICES[path] ?? [],
    };
  });
  return followBasis(rows);
}

/**
 * The organisation row under the basis row, as the first form shows it: named for the basis chosen
 * (就业单位, 就读学校), and hidden while the basis names none. Without a basis row nothing changes.
 */
export function followBasis(rows: FieldRow[]): FieldRow[] {
  const basis = rows.find((r) => r.path === 'residence.basis')?.value;
  if (basis === undefined) return rows;
  return rows.map((row) =>
    row.path === 'residence.organisation' ? { ...row, label: needsOrganisation(basis) ? ORGANISATION_NAMES[basis] : fieldLabel(row.path), hidden: !needsOrganisation(basis) } : row,
  );
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
  const mayAdd = changeableItems(
    items.map((i) => i.item),
    residenceKind,
  ).includes('materials.relationStatement');
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
export function errorsAfterChange(errors: Partial<Record<MaterialField, string>>, before: UploadLists, after: UploadLists): Partial<Record<MaterialField, string>> {
  const photos = (lists: UploadLists, field: string) => JSON.stringify((lists[field as MaterialField] ?? []).map((i) => i.key));
  return Object.fromEntries(Object.entries(errors).filter(([field]) => photos(before, field) === photos(after, field)));
}

/** The rows with a draft's values put back, the organisation following the basis restored. */
export function restoreRows(rows: FieldRow[], values: Record<string, unknown> | undefined): FieldRow[] {
  const restored = rows.map((row) => {
    const value = values?.[row.path];
    return typeof value === 'string' ? { ...row, value, shown: shownValue(row.path, value) } : row;
  });
  return followBasis(restored);
}

/** What the changes are checked against: the application's values as stored, and the server's today. */
export interface CorrectionBase {
  today: string;
  /** The stored applicant; its ID number is not there (masked after submission), and is never asked for here. */
  applicant: Record<string, unknown>;
  residence: Record<string, unknown>;
  contact: { mobile: string };
  /** Read from the ID number on submission: a residence cannot have started before it. */
  birthDate: string;
}

export function correctionBase(app: ApplicationDetail, today: string = chinaDate(Date.now())): CorrectionBase {
  const { name, ethnicity, mobile, hukouAddress, birthDate } = app.applicant;
  return {
    today,
    applicant: { name, ethnicity, mobile, hukouAddress },
    residence: { ...app.residence },
    // A later service's contact mobile is kept as its applicant's mobile.
    contact: { mobile },
    birthDate,
  };
}

/**
 * The first form's own checks (declarationForm.ts) over the stored values with the changes merged in, as
 * the server merges and checks them; a problem is reported on the row that was corrected. What was not
 * asked for cannot be changed here, so a problem elsewhere is not the person's to fix on this page.
 */
export function rowErrors(allRows: FieldRow[], base: CorrectionBase): Record<string, string> {
  const rows = allRows.filter((row) => !row.hidden);
  const errors: Record<string, string> = {};
  for (const row of rows) if (!row.value.trim()) errors[row.key] = FIELD_MESSAGES.required;
  const changes = changesOf(rows, {});
  const c = new Checker();
  if (changes.applicant) checkApplicant(c, { ...base.applicant, ...changes.applicant }, base.today);
  if (changes.residence) checkResidenceOf(c, { ...base.residence, ...changes.residence }, base.today, base.birthDate);
  if (changes.contact) checkContact(c, { ...base.contact, ...changes.contact });
  for (const row of rows) {
    const problem = c.errors[row.path];
    if (problem && !errors[row.key]) errors[row.key] = problem;
  }
  return errors;
}

/**
 * The resubmit payload's parts: each shown field's new value (an organisation under a basis that names
 * none is not sent, as the first form sends none), and the new materials.
 */
export function changesOf(rows: FieldRow[], materials: Partial<Materials>): Record<string, Record<string, unknown>> {
  const changes: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    if (row.hidden) continue;
    const [part, key] = row.path.split('.');
    changes[part] = { ...changes[part], [key]: row.value.trim() };
  }
  if (Object.keys(materials).length > 0) changes.materials = { ...materials };
  return changes;
}
