// 补正's model: the rows a correction request opens, the photos it starts from, the merged-value checks and the changes sent.
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { FIELD_LENGTHS } from '../../miniprogram/domain/limits';
import type { CorrectionItem } from '../../miniprogram/domain/contract';
import {
  changesOf,
  correctionBase,
  errorsAfterChange,
  fieldRows,
  followBasis,
  materialFieldsFor,
  materialItems,
  restoreRows,
  rowErrors,
  shownValue,
  startingUploads,
  type FieldRow,
} from '../../miniprogram/pages/correct/model';
import { PICK_AGAIN } from '../../miniprogram/components/material-uploads/model';
import { applicantView, applicationDetail, done, residence, uploadedFrom } from './support';

const ask = (...paths: string[]): CorrectionItem[] => paths.map((item) => ({ item, message: '请核实' }));
const TODAY = '2026-09-01';
const base = (over: Parameters<typeof applicationDetail>[0] = {}) => correctionBase(applicationDetail(over), TODAY);
/** The rows with the person's typing: values by path. */
const typed = (rows: FieldRow[], values: Record<string, string>) => restoreRows(rows, values);

describe('the rows a request opens', () => {
  it('are the fields asked for, in order, and no material', () => {
    const rows = fieldRows(applicationDetail(), ask('applicant.mobile', 'materials.proofs', 'residence.district'));
    expect(rows.map((r) => r.path)).toEqual(['applicant.mobile', 'residence.district']);
    expect(rows.map((r) => r.key)).toEqual(['applicant_mobile', 'residence_district']);
  });

  it('never include the name or the ID number, even if a request named them', () => {
    expect(fieldRows(applicationDetail(), ask('applicant.name', 'applicant.idNumber'))).toEqual([]);
  });

  it('start from the stored value, a district shown by its name', () => {
    const [mobile, district] = fieldRows(applicationDetail(), ask('applicant.mobile', 'residence.district'));
    expect(mobile).toMatchObject({ value: '13800138000', shown: '13800138000', label: '手机号码' });
    expect(district).toMatchObject({ value: '430104', shown: '岳麓区', label: '所在区县' });
  });

  it('start a later service’s contact mobile from the applicant’s number on file', () => {
    const app = applicationDetail({ kind: 'reissue', residence: undefined, applicant: applicantView({ mobile: '13912345678' }) });
    expect(fieldRows(app, ask('contact.mobile'))).toEqual([expect.objectContaining({ path: 'contact.mobile', key: 'contact_mobile', value: '13912345678', editor: 'number' })]);
  });

  it('edit each field its own way, typed ones held to the first form’s limits and picked ones to none', () => {
    const rows = fieldRows(
      applicationDetail({ residence: residence({ basis: 'employment', organisation: '长沙某某科技有限公司' }) }),
      ask(
        'applicant.mobile',
        'applicant.hukouAddress',
        'applicant.ethnicity',
        'residence.street',
        'residence.address',
        'residence.since',
        'residence.kind',
        'residence.basis',
        'residence.organisation',
      ),
    );
    expect(rows.map((r) => [r.path, r.editor, r.maxlength])).toEqual([
      ['applicant.mobile', 'number', FIELD_LENGTHS.mobile.max],
      ['applicant.hukouAddress', 'textarea', FIELD_LENGTHS.hukouAddress.max],
      ['applicant.ethnicity', 'ethnicity', -1],
      ['residence.street', 'text', FIELD_LENGTHS.street.max],
      ['residence.address', 'textarea', FIELD_LENGTHS.address.max],
      ['residence.since', 'date', -1],
      ['residence.kind', 'choice', -1],
      ['residence.basis', 'choice', -1],
      ['residence.organisation', 'text', FIELD_LENGTHS.organisation.max],
    ]);
  });

  it('offer the kinds of residence and the bases as choices', () => {
    const [kind, basis] = fieldRows(applicationDetail(), ask('residence.kind', 'residence.basis'));
    expect(kind.options.map((o) => o.value)).toEqual(['rent', 'own', 'relative', 'dormitory', 'other']);
    expect(kind.options[2].label).toBe('借住亲属住房');
    expect(basis.options.map((o) => o.label)).toEqual(['合法稳定就业', '合法稳定住所', '连续就读']);
  });
});

describe('the organisation that follows a basis asked for', () => {
  it('comes right after the basis, hidden while the stored basis names none', () => {
    const rows = fieldRows(applicationDetail(), ask('residence.basis', 'residence.street'));
    expect(rows.map((r) => r.path)).toEqual(['residence.basis', 'residence.organisation', 'residence.street']);
    expect(rows[1]).toMatchObject({ hidden: true, value: '' });
  });

  it('is shown, named for the basis and holding the stored name, when the basis names one', () => {
    const rows = fieldRows(applicationDetail({ residence: residence({ basis: 'study', organisation: '中南大学' }) }), ask('residence.basis'));
    expect(rows[1]).toMatchObject({ path: 'residence.organisation', label: '就读学校', value: '中南大学', hidden: false });
  });

  it('appears once when it was asked for as well', () => {
    const rows = fieldRows(applicationDetail(), ask('residence.basis', 'residence.organisation'));
    expect(rows.filter((r) => r.path === 'residence.organisation')).toHaveLength(1);
  });

  it('is not offered when the basis was not asked for', () => {
    expect(fieldRows(applicationDetail(), ask('residence.kind')).map((r) => r.path)).toEqual(['residence.kind']);
  });

  it('shows and hides as the basis chosen changes, keeping what was typed', () => {
    const rows = fieldRows(applicationDetail(), ask('residence.basis'));
    const employed = followBasis(typed(rows, { 'residence.basis': 'employment', 'residence.organisation': '某某公司' }));
    expect(employed[1]).toMatchObject({ label: '就业单位', hidden: false, value: '某某公司' });
    const back = followBasis(employed.map((r) => (r.path === 'residence.basis' ? { ...r, value: 'residence' } : r)));
    expect(back[1]).toMatchObject({ hidden: true, value: '某某公司' });
  });

  it('leaves rows without a basis as they are', () => {
    const rows = fieldRows(applicationDetail(), ask('applicant.mobile'));
    expect(followBasis(rows)).toEqual(rows);
  });
});

describe('the materials to upload', () => {
  it('are those asked for, by field', () => {
    expect(materialItems(ask('applicant.mobile', 'materials.proofs', 'materials.idFront'))).toEqual(['proofs', 'idFront']);
  });

  it('gain a relation statement when the kind is corrected to one that needs it and none was submitted', () => {
    expect(materialFieldsFor(ask('residence.kind'), 'relative', false)).toEqual(['relationStatement']);
    expect(materialFieldsFor(ask('residence.kind', 'materials.proofs'), 'other', false)).toEqual(['proofs', 'relationStatement']);
  });

  it('gain nothing for a kind that needs no statement, a statement already on file, or a kind not asked for', () => {
    expect(materialFieldsFor(ask('residence.kind'), 'rent', false)).toEqual([]);
    expect(materialFieldsFor(ask('residence.kind'), 'relative', true)).toEqual([]);
    expect(materialFieldsFor(ask('residence.street'), 'relative', false)).toEqual([]);
  });

  it('name the statement once when it was asked for too', () => {
    expect(materialFieldsFor(ask('residence.kind', 'materials.relationStatement'), 'relative', false)).toEqual(['relationStatement']);
  });
});

describe('the photos 补正 starts from', () => {
  const submitted = { proofs: [done('f-p1')], idFront: [done('f-id')] };

  it('are what the application holds when nothing was worked on here', () => {
    expect(startingUploads(submitted, undefined)).toEqual(submitted);
  });

  it('are the draft’s for a material worked on here: its additions and removals stand', () => {
    const start = startingUploads(submitted, { proofs: [{ key: 'wxfile://p2', url: 'wxfile://p2', status: 'done', fileId: 'f-p2' }] });
    expect(start.proofs?.map((i) => i.fileId)).toEqual(['f-p2']);
    expect(start.idFront).toEqual(submitted.idFront);
    expect(startingUploads(submitted, { proofs: [] }).proofs).toEqual([]);
  });

  it('ask again for a photo the draft held unfinished', () => {
    const start = startingUploads(submitted, { proofs: [{ key: 'wxfile://p2', url: 'wxfile://p2', status: 'uploading' }] });
    expect(start.proofs).toEqual([expect.objectContaining({ status: 'failed', message: PICK_AGAIN, lost: true })]);
  });
});

describe('a material’s message after a change', () => {
  const errors = { proofs: '请上传居住地址证明', idFront: '请上传身份证人像面照片' };

  it('stands while its photos are the same, and goes once they change', () => {
    const before = { proofs: [], idFront: [] };
    const after = { proofs: [uploadedFrom('wxfile://p', 'f-p')], idFront: [] };
    expect(errorsAfterChange(errors, before, after)).toEqual({ idFront: '请上传身份证人像面照片' });
  });

  it('goes when a photo is removed, too', () => {
    expect(errorsAfterChange({ proofs: '居住地址证明最多 5 张' }, { proofs: [done('a'), done('b')] }, { proofs: [done('a')] })).toEqual({});
  });

  it('stands for a material absent before and after', () => {
    expect(errorsAfterChange({ relationStatement: '请上传关系说明' }, {}, { proofs: [done('a')] })).toEqual({ relationStatement: '请上传关系说明' });
  });
});

describe('a draft’s values', () => {
  it('come back on their rows, a district shown by name again', () => {
    const rows = restoreRows(fieldRows(applicationDetail(), ask('applicant.mobile', 'residence.district')), {
      'applicant.mobile': '1390013',
      'residence.district': '430111',
    });
    expect(rows.map((r) => [r.value, r.shown])).toEqual([
      ['1390013', '1390013'],
      ['430111', '雨花区'],
    ]);
  });

  it('that are not text, or not there, leave the stored values', () => {
    const rows = fieldRows(applicationDetail(), ask('applicant.mobile'));
    expect(restoreRows(rows, { 'applicant.mobile': 13900139000 })).toEqual(rows);
    expect(restoreRows(rows, undefined)).toEqual(rows);
  });
});

describe('what the changes are checked against', () => {
  it('is the stored applicant without any ID number, the residence, the contact as the applicant’s mobile, and the birth date', () => {
    const b = base();
    expect(b).toEqual({
      today: TODAY,
      applicant: { name: '李晓梅', ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区红湘路 12 号' },
      residence: residence(),
      contact: { mobile: '13800138000' },
      birthDate: '1990-03-07',
    });
    expect(JSON.stringify(b)).not.toContain('idNumber');
  });
});

describe('the checks over the merged values', () => {
  const rowsFor = (paths: string[], values: Record<string, string>, over: Parameters<typeof applicationDetail>[0] = {}) =>
    typed(fieldRows(applicationDetail(over), ask(...paths)), values);

  it('pass valid changes', () => {
    const rows = rowsFor(['applicant.mobile', 'residence.street', 'residence.since'], {
      'applicant.mobile': '13900139000',
      'residence.street': '橘子洲街道',
      'residence.since': '2026-05-01',
    });
    expect(rowErrors(rows, base())).toEqual({});
  });

  it('require every row, blank or only spaces', () => {
    const rows = rowsFor(['applicant.mobile', 'residence.street'], { 'applicant.mobile': '   ', 'residence.street': '' });
    expect(rowErrors(rows, base())).toEqual({ applicant_mobile: FIELD_MESSAGES.required, residence_street: FIELD_MESSAGES.required });
  });

  it('say what the first form says, on the row corrected', () => {
    const rows = rowsFor(['applicant.mobile', 'residence.street'], { 'applicant.mobile': '1390013', 'residence.street': '望' });
    expect(rowErrors(rows, base())).toEqual({ applicant_mobile: FIELD_MESSAGES.mobile, residence_street: FIELD_MESSAGES.tooShort(FIELD_LENGTHS.street.min) });
  });

  it('refuse a start before the birth date read at submission, and one after the server’s today', () => {
    expect(rowErrors(rowsFor(['residence.since'], { 'residence.since': '1990-03-06' }), base())).toEqual({ residence_since: FIELD_MESSAGES.beforeBirth });
    expect(rowErrors(rowsFor(['residence.since'], { 'residence.since': '1990-03-07' }), base())).toEqual({});
    expect(rowErrors(rowsFor(['residence.since'], { 'residence.since': '2026-09-02' }), base())).toEqual({ residence_since: FIELD_MESSAGES.futureDate });
    expect(rowErrors(rowsFor(['residence.since'], { 'residence.since': TODAY }), base())).toEqual({});
  });

  it('check a contact mobile as a contact', () => {
    const rows = rowsFor(['contact.mobile'], { 'contact.mobile': '2390013900' }, { kind: 'permit' });
    expect(rowErrors(rows, base({ kind: 'permit' }))).toEqual({ contact_mobile: FIELD_MESSAGES.mobile });
  });

  it('do not blame the person for a stored field they were not asked to change', () => {
    const stored = { applicant: applicantView({ hukouAddress: '短' }) };
    const rows = rowsFor(['applicant.mobile'], { 'applicant.mobile': '13900139000' }, stored);
    expect(rowErrors(rows, base(stored))).toEqual({});
  });

  it('ask for the organisation once the basis is corrected to one that names it', () => {
    const rows = rowsFor(['residence.basis'], { 'residence.basis': 'employment' });
    expect(rowErrors(rows, base())).toEqual({ residence_organisation: FIELD_MESSAGES.required });
    const named = rowsFor(['residence.basis'], { 'residence.basis': 'employment', 'residence.organisation': '长沙某某科技有限公司' });
    expect(rowErrors(named, base())).toEqual({});
  });

  it('do not check a hidden organisation', () => {
    const rows = rowsFor(['residence.basis'], { 'residence.basis': 'residence', 'residence.organisation': '' });
    expect(rows[1].hidden).toBe(true);
    expect(rowErrors(rows, base())).toEqual({});
  });
});

describe('the changes sent', () => {
  it('are each row’s value trimmed, by part', () => {
    const rows = typed(fieldRows(applicationDetail(), ask('applicant.mobile', 'residence.street', 'residence.district')), {
      'applicant.mobile': ' 13900139000 ',
      'residence.street': '橘子洲街道',
      'residence.district': '430111',
    });
    expect(changesOf(rows, {})).toEqual({ applicant: { mobile: '13900139000' }, residence: { street: '橘子洲街道', district: '430111' } });
  });

  it('carry the new materials only when there are any', () => {
    const rows = fieldRows(applicationDetail(), ask('applicant.mobile'));
    expect(changesOf(rows, { proofs: ['f-p1', 'f-p2'] })).toEqual({ applicant: { mobile: '13800138000' }, materials: { proofs: ['f-p1', 'f-p2'] } });
    expect(changesOf([], {})).toEqual({});
  });

  it('leave out an organisation under a basis that names none, and send it under one that does', () => {
    const rows = fieldRows(applicationDetail(), ask('residence.basis'));
    expect(changesOf(typed(rows, { 'residence.basis': 'residence', 'residence.organisation': '某某公司' }), {})).toEqual({ residence: { basis: 'residence' } });
    expect(changesOf(typed(rows, { 'residence.basis': 'employment', 'residence.organisation': '某某公司' }), {})).toEqual({
      residence: { basis: 'employment', organisation: '某某公司' },
    });
  });
});

it('shows a district by name, the start date as people write it, and every other value as it is', () => {
  expect(shownValue('residence.district', '430181')).toBe('浏阳市');
  expect(shownValue('residence.district', '')).toBe('');
  expect(shownValue('residence.since', '2026-05-01')).toBe('2026年5月1日');
  expect(shownValue('residence.since', '')).toBe('');
  expect(shownValue('residence.street', '430181')).toBe('430181');
});
