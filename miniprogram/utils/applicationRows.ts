// The rows both the resident's detail and the staff review show: the applicant, the residence and
// the materials of an application, labelled for reading. Pure: whatever needs the backend is passed in.
import type { ApplicantView, ApplicationView, FileLink, Residence } from '../domain/contract';
import { districtName } from '../domain/districts';
import { BASIS_LABELS, FIELD_LABELS, REISSUE_REASON_LABELS, RESIDENCE_KIND_LABELS, SEX_LABELS } from '../domain/labels';
import { feeText, longDate } from './format';

export interface Row {
  label: string;
  value: string;
  note?: string;
}

/** `idNumber` is the masked number, except on the staff review screen. */
export function personRows(a: ApplicantView, idNumber: string): Row[] {
  return [
    { label: '姓名', value: a.name },
    { label: '公民身份号码', value: idNumber },
    { label: '出生日期 / 性别', value: `${longDate(a.birthDate)} · ${SEX_LABELS[a.sex]}` },
    { label: '民族', value: a.ethnicity },
    { label: '手机号码', value: a.mobile },
    { label: '户籍地址', value: a.hukouAddress },
  ];
}

export function residenceRows(r: Residence | undefined): Row[] {
  return r
    ? [
        { label: '居住地址', value: `长沙市${districtName(r.district)}${r.street}${r.address}` },
        { label: '居住起始日期', value: longDate(r.since) },
        { label: '住所类型', value: RESIDENCE_KIND_LABELS[r.kind] },
        { label: '申领依据', value: BASIS_LABELS[r.basis] + (r.organisation ? `（${r.organisation}）` : '') },
      ]
    : [];
}

/** A card's own facts: a replacement's reason and fee, the issue date, and a reported loss. */
export function cardRows(app: Pick<ApplicationView, 'reason' | 'fee' | 'issuedOn' | 'reportedLostOn'>): Row[] {
  const rows: Row[] = [];
  if (app.reason) rows.push({ label: '办理原因', value: REISSUE_REASON_LABELS[app.reason] });
  if (app.fee !== undefined) rows.push({ label: '证件工本费', value: feeText(app.fee), note: '缴纳方式以窗口公告为准' });
  if (app.issuedOn) rows.push({ label: '发证日期', value: longDate(app.issuedOn) });
  if (app.reportedLostOn) rows.push({ label: '挂失日期', value: longDate(app.reportedLostOn), note: '此证已登记挂失，不能再使用' });
  return rows;
}

/** Makes a link from the backend loadable where the page runs (the local host answers with a path on itself). */
export type ResolveUrl = (url: string) => string;

export function materialRows(materials: Record<string, FileLink | FileLink[]>, resolve: ResolveUrl): { label: string; urls: string[] }[] {
  // A replacement carries no proofs: an empty list is not a material to show.
  return Object.entries(materials)
    .map(([field, links]) => ({
      label: FIELD_LABELS[`materials.${field}`] ?? field,
      urls: (Array.isArray(links) ? links : [links]).map((l) => resolve(l.url)),
    }))
    .filter((m) => m.urls.length > 0);
}
