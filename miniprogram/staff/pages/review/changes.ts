// What a resubmission changed since the correction was asked, as the reviewer compares it: each field
// before → after by its name, each material's photos added and removed.
import type { ResubmissionChange, StaffTimelineEntry } from '../../../domain/contract';
import { districtName } from '../../../domain/districts';
import { BASIS_LABELS, fieldLabel, RESIDENCE_KIND_LABELS } from '../../../domain/labels';
import type { ResolveUrl } from '../../../utils/applicationRows';
import { longDate } from '../../../utils/format';

export interface ChangeRow {
  key: string;
  label: string;
  /** A field: its text before and after ('' for none: the row says 未填写). */
  field: boolean;
  before: string;
  after: string;
  /** A material: the links of the photos added and removed, ready to load. */
  added: string[];
  removed: string[];
}

const EMPTY = '未填写';

/** A stored value as the screen reads it elsewhere: 岳麓区, 租赁房屋, 2026年3月1日. */
function valueText(item: string, value: string | undefined): string {
  if (value === undefined || value === '') return EMPTY;
  const named: Record<string, Readonly<Record<string, string>>> = { 'residence.kind': RESIDENCE_KIND_LABELS, 'residence.basis': BASIS_LABELS };
  if (Object.prototype.hasOwnProperty.call(named, item)) return named[item][value] ?? value;
  if (item === 'residence.district') return districtName(value);
  if (item === 'residence.since' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value);
  return value;
}

export function changeRow(change: ResubmissionChange, index: number, resolve: ResolveUrl): ChangeRow {
  const photos = change.added !== undefined || change.removed !== undefined;
  return {
    key: `c${index}`,
    label: fieldLabel(change.item),
    field: !photos,
    before: photos ? '' : valueText(change.item, change.before),
    after: photos ? '' : valueText(change.item, change.after),
    added: (change.added ?? []).map((l) => resolve(l.url)),
    removed: (change.removed ?? []).map((l) => resolve(l.url)),
  };
}

/** The changes of the latest submission, when it was a resubmission (none for a first submission). */
export function changeRows(timeline: readonly StaffTimelineEntry[], resolve: ResolveUrl): ChangeRow[] {
  const latest = [...timeline].reverse().find((t) => t.type === 'status' && t.status === 'pending');
  return (latest?.changes ?? []).map((change, index) => changeRow(change, index, resolve));
}
