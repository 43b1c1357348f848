// The self-check form's model: drafts as typed, the payload sent, every problem by field, and what the form derives.
import {
  BASIS_OPTIONS,
  DISTRICT_NAMES,
  EARLIEST_SINCE,
  KIND_OPTIONS,
  districtCodeAt,
  derivedOf,
  emptyDraft,
  flatKey,
  formErrors,
  payloadOf,
  restoreDraft,
  type FormDraft,
} from '../../miniprogram/components/declaration-form/model';
import { DISTRICTS } from '../../miniprogram/domain/districts';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ID_NUMBER, idNumberOf } from './support';

const TODAY = '2026-09-01';

/** A draft that passes every check: a rented home, on the basis of the residence itself. */
function filled(over: { applicant?: Partial<FormDraft['applicant']>; residence?: Partial<FormDraft['residence']> } = {}): FormDraft {
  return {
    applicant: { name: '李晓梅', idNumber: ID_NUMBER, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区红湘路 12 号', ...over.applicant },
    residence: {
      district: '430104',
      street: '望月湖街道',
      address: '望月湖小区3栋201',
      since: '2026-05-01',
      kind: 'rent',
      basis: 'residence',
      organisation: '',
      ...over.residence,
    },
  };
}

describe('a draft', () => {
  it('starts with every field empty', () => {
    const draft = emptyDraft();
    expect(Object.values(draft.applicant).every((v) => v === '')).toBe(true);
    expect(Object.values(draft.residence).every((v) => v === '')).toBe(true);
    expect(Object.keys(draft.residence)).toContain('organisation');
  });

  it('comes back with its text fields, half-finished ones too', () => {
    const restored = restoreDraft({ applicant: { mobile: '1390000' }, residence: { street: '橘子洲街道' } });
    expect(restored.applicant.mobile).toBe('1390000');
    expect(restored.residence.street).toBe('橘子洲街道');
    expect(restored.applicant.name).toBe('');
  });

  it('drops what is not text or not a field of the form', () => {
    const restored = restoreDraft({ applicant: { mobile: 13900000000, extra: 'x' }, residence: { since: null }, other: { a: 'b' } });
    expect(restored).toEqual(emptyDraft());
    expect(restoreDraft(null)).toEqual(emptyDraft());
    expect(restoreDraft('draft')).toEqual(emptyDraft());
  });
});

describe('the payload', () => {
  it('leaves out the organisation under a basis that names none', () => {
    const { residence } = payloadOf(filled({ residence: { organisation: '不该发送' } }));
    expect(residence).not.toHaveProperty('organisation');
  });

  it('sends the organisation under employment or study', () => {
    for (const basis of ['employment', 'study']) {
      expect(payloadOf(filled({ residence: { basis, organisation: '中南大学' } })).residence).toMatchObject({ basis, organisation: '中南大学' });
    }
  });
});

describe('the problems', () => {
  it('are none for a complete form', () => {
    expect(formErrors(filled(), TODAY)).toEqual({});
  });

  it('name every empty field at once, by its payload path', () => {
    const errors = formErrors(emptyDraft(), TODAY);
    for (const path of [
      'applicant.name',
      'applicant.idNumber',
      'applicant.ethnicity',
      'applicant.mobile',
      'applicant.hukouAddress',
      'residence.district',
      'residence.street',
      'residence.address',
      'residence.since',
      'residence.kind',
      'residence.basis',
    ]) {
      expect(errors).toHaveProperty([path]);
    }
    expect(errors).not.toHaveProperty(['residence.organisation']);
  });

  it('say a wrong check digit as such, and accept a lower-case x', () => {
    const bad = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '0' ? '1' : '0');
    expect(formErrors(filled({ applicant: { idNumber: bad } }), TODAY)).toEqual({ 'applicant.idNumber': FIELD_MESSAGES.idCheckDigit });
    const withX = ['43010219920815106', '43010219920815107', '43010219920815108', '43010219920815109'].map(idNumberOf).find((id) => id.endsWith('X'));
    expect(withX).toBeDefined();
    expect(formErrors(filled({ applicant: { idNumber: withX!.toLowerCase() } }), TODAY)).toEqual({});
  });

  it('refuse a start before the birth date in the ID number, even while another applicant field is wrong', () => {
    const errors = formErrors(filled({ applicant: { mobile: '1390000' }, residence: { since: '1990-03-06' } }), TODAY);
    expect(errors).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobile, 'residence.since': FIELD_MESSAGES.beforeBirth });
  });

  it('refuse a start after today, and accept today itself', () => {
    expect(formErrors(filled({ residence: { since: '2026-09-02' } }), TODAY)).toEqual({ 'residence.since': FIELD_MESSAGES.futureDate });
    expect(formErrors(filled({ residence: { since: TODAY } }), TODAY)).toEqual({});
  });

  it('refuse a date that is not on the calendar', () => {
    expect(formErrors(filled({ residence: { since: '2026-02-30' } }), TODAY)).toEqual({ 'residence.since': FIELD_MESSAGES.date });
  });

  it('ask for the employer or school by its own name when the basis needs one', () => {
    expect(formErrors(filled({ residence: { basis: 'employment' } }), TODAY)).toEqual({ 'residence.organisation': '请填写就业单位名称' });
    expect(formErrors(filled({ residence: { basis: 'study' } }), TODAY)).toEqual({ 'residence.organisation': '请填写就读学校名称' });
  });
});

describe('what the form derives', () => {
  it('reads the birth date and sex from a valid ID number only', () => {
    expect(derivedOf(filled(), TODAY, 'declaration')).toMatchObject({ birthDate: '1990年3月7日', sex: '男' });
    expect(derivedOf(filled({ applicant: { idNumber: ID_NUMBER.slice(0, 17) } }), TODAY, 'declaration')).toMatchObject({ birthDate: '', sex: '' });
  });

  it('shows the start date as people write it, and nothing for a date half picked', () => {
    expect(derivedOf(filled(), TODAY, 'declaration').sinceText).toBe('2026年5月1日');
    expect(derivedOf(filled({ residence: { since: '' } }), TODAY, 'declaration').sinceText).toBe('');
  });

  it('reads no birth date from a number born after today', () => {
    const unborn = idNumberOf('43010420270101123');
    expect(derivedOf(filled({ applicant: { idNumber: unborn } }), TODAY, 'declaration').birthDate).toBe('');
  });

  it('names the district, kind and basis, and the organisation field for the basis', () => {
    const derived = derivedOf(filled({ residence: { kind: 'relative', basis: 'study' } }), TODAY, 'declaration');
    expect(derived).toMatchObject({ districtName: '岳麓区', kindLabel: '借住亲属住房', basisLabel: '连续就读', needsOrganisation: true, organisationLabel: '就读学校' });
    expect(derivedOf(filled(), TODAY, 'declaration')).toMatchObject({ needsOrganisation: false, organisationLabel: '' });
  });

  it('lists the materials the kind and the service need, and none before a kind is chosen', () => {
    expect(derivedOf(filled({ residence: { kind: 'relative' } }), TODAY, 'declaration').materials.map((m) => m.label)).toEqual(['身份证人像面照片', '居住地址证明', '关系说明']);
    expect(derivedOf(filled(), TODAY, 'permit').materials.map((m) => m.label)).toEqual(['身份证人像面照片', '居住地址证明', '本人相片']);
    expect(derivedOf(filled({ residence: { kind: 'castle' } }), TODAY, 'declaration')).toMatchObject({ kindLabel: '', materials: [] });
  });
});

describe('the pickers and keys', () => {
  it('map a picked district by its index, and nothing outside the list', () => {
    expect(DISTRICT_NAMES).toEqual(DISTRICTS.map((d) => d.name));
    expect(districtCodeAt(DISTRICT_NAMES.indexOf('雨花区'))).toBe('430111');
    expect(districtCodeAt(DISTRICTS.length)).toBe('');
    expect(districtCodeAt(-1)).toBe('');
  });

  it('offer every kind of residence and every basis by label', () => {
    expect(KIND_OPTIONS).toContainEqual({ value: 'dormitory', label: '单位或学校宿舍' });
    expect(BASIS_OPTIONS).toContainEqual({ value: 'employment', label: '合法稳定就业' });
  });

  it('key an error by its path with the dot flattened, as setData needs', () => {
    expect(flatKey('applicant.mobile')).toBe('applicant_mobile');
  });

  it('start the date picker at 1950-01-01 on the phone’s own calendar', () => {
    const earliest = new Date(EARLIEST_SINCE);
    expect([earliest.getFullYear(), earliest.getMonth(), earliest.getDate(), earliest.getHours()]).toEqual([1950, 0, 1, 0]);
  });
});
