// The limits and the bases' rules as every checker reads them: each field held to its own bounds, the
// organisation asked for by the bases that name one, and the latest correction request read one way.
import type { Residence } from '../../miniprogram/domain/contract';
import { changeableItems, latestRequest } from '../../miniprogram/domain/corrections';
import { checkApplicant, checkContact, checkResidence, checkResidenceOf } from '../../miniprogram/domain/declarationForm';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { FIELD_LABELS } from '../../miniprogram/domain/labels';
import { FIELD_LENGTHS, FIELD_MAXLENGTHS, type LimitedField } from '../../miniprogram/domain/limits';
import { MATERIAL_LABELS } from '../../miniprogram/domain/materials';
import { needsOrganisation, ORGANISATION_NAMES, RESIDENCE_FIELDS } from '../../miniprogram/domain/residence';
import { Checker } from '../../miniprogram/domain/validation';

const TODAY = '2026-09-01';
const ID_NUMBER = '43010419900307123' + checkDigit('43010419900307123');
const APPLICANT = { name: '李晓梅', idNumber: ID_NUMBER, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道12号' };
const RESIDENCE: Residence = { district: '430104', street: '望月湖街道', address: '望月湖小区3栋201', since: '2026-05-01', kind: 'rent', basis: 'residence' };

/** The errors of the form with one field set to `value`. */
function errorsWith(field: LimitedField, value: string): Record<string, string> {
  const c = new Checker();
  if (field in APPLICANT) checkApplicant(c, { ...APPLICANT, [field]: value }, TODAY);
  else checkResidence(c, { ...RESIDENCE, basis: 'employment', organisation: '长沙某某科技有限公司', [field]: value }, TODAY, ID_NUMBER);
  return c.errors;
}

const pathOf = (field: LimitedField) => (field in APPLICANT ? `applicant.${field}` : `residence.${field}`);

describe('the free-text fields', () => {
  // Fields whose shape a pattern decides as well: their length is judged with their own message.
  const shaped: LimitedField[] = ['name', 'idNumber', 'mobile'];
  const free = (Object.keys(FIELD_LENGTHS) as LimitedField[]).filter((f) => !shaped.includes(f));

  it.each(free)('holds %s to its bounds, and says which', (field) => {
    const { min, max } = FIELD_LENGTHS[field];
    expect(errorsWith(field, '街'.repeat(min))).toEqual({});
    expect(errorsWith(field, '街'.repeat(max))).toEqual({});
    expect(errorsWith(field, '街'.repeat(min - 1))[pathOf(field)]).toBeDefined();
    const over = errorsWith(field, '街'.repeat(max + 1))[pathOf(field)];
    expect(over).toBeDefined();
    if (field !== 'organisation') expect(over).toBe(FIELD_MESSAGES.tooLong(max));
  });

  it('refuses a one-character street with the message the page shows', () => {
    expect(FIELD_LENGTHS.street.min).toBeGreaterThan(1);
    expect(errorsWith('street', '望')).toEqual({ 'residence.street': FIELD_MESSAGES.tooShort(FIELD_LENGTHS.street.min) });
  });

  it('holds the name to its bounds, whose message quotes them', () => {
    const { min, max } = FIELD_LENGTHS.name;
    expect(errorsWith('name', '李'.repeat(max))).toEqual({});
    expect(errorsWith('name', '李'.repeat(max + 1))).toEqual({ 'applicant.name': FIELD_MESSAGES.name });
    expect(errorsWith('name', '李'.repeat(min - 1))).toEqual({ 'applicant.name': FIELD_MESSAGES.name });
    expect(FIELD_MESSAGES.name).toContain(`${min}–${max}`);
  });

  it('takes a mobile and an ID number of exactly their length, and the messages say it', () => {
    expect(errorsWith('mobile', '1380013800')).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobile });
    expect(errorsWith('mobile', '138001380001')).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobile });
    expect(FIELD_MESSAGES.mobile).toContain(String(FIELD_LENGTHS.mobile.max));
    expect(errorsWith('idNumber', ID_NUMBER + '1')).toEqual({ 'applicant.idNumber': FIELD_MESSAGES.idLength });
    expect(FIELD_MESSAGES.idLength).toContain(String(FIELD_LENGTHS.idNumber.max));
  });

  it('tells 11 digits that are no mainland mobile apart from a number of the wrong length', () => {
    for (const number of ['10000000000', '12345678901', '23800138000', '11800138000']) {
      expect(errorsWith('mobile', number)).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobileNotMainland });
    }
    expect(FIELD_MESSAGES.mobileNotMainland).not.toContain(String(FIELD_LENGTHS.mobile.max));
    for (const number of ['13000000000', '19912345678', '16600001111']) expect(errorsWith('mobile', number)).toEqual({});
    // Not all digits, or too short: still the length's message.
    expect(errorsWith('mobile', '1380013800a')).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobile });
    expect(errorsWith('mobile', '1380013')).toEqual({ 'applicant.mobile': FIELD_MESSAGES.mobile });
    const c = new Checker();
    checkContact(c, { mobile: '12345678901' });
    expect(c.errors).toEqual({ 'contact.mobile': FIELD_MESSAGES.mobileNotMainland });
  });

  it('gives the pages a maxlength for each field that is its limit', () => {
    for (const field of Object.keys(FIELD_LENGTHS) as LimitedField[]) expect(FIELD_MAXLENGTHS[field]).toBe(FIELD_LENGTHS[field].max);
  });
});

describe('the bases', () => {
  it('asks employment for the employer and study for the school, by the name each is called', () => {
    for (const basis of ['employment', 'study'] as const) {
      expect(needsOrganisation(basis)).toBe(true);
      const c = new Checker();
      expect(checkResidence(c, { ...RESIDENCE, basis }, TODAY)).toBeUndefined();
      expect(c.errors).toEqual({ 'residence.organisation': FIELD_MESSAGES.organisation(basis) });
      expect(FIELD_MESSAGES.organisation(basis)).toContain(ORGANISATION_NAMES[basis]);
    }
    expect(FIELD_MESSAGES.organisation('employment')).toBe('请填写就业单位名称');
    expect(FIELD_MESSAGES.organisation('study')).toBe('请填写就读学校名称');
  });

  it('keeps no organisation for a basis that does not name one', () => {
    expect(needsOrganisation('residence')).toBe(false);
    expect(needsOrganisation('constructor')).toBe(false);
    const c = new Checker();
    expect(checkResidence(c, { ...RESIDENCE, organisation: '某单位' }, TODAY)).toEqual(RESIDENCE);
  });

  it('names the organisation field after every basis that has one', () => {
    for (const name of Object.values(ORGANISATION_NAMES)) expect(FIELD_LABELS['residence.organisation']).toContain(name);
  });
});

describe('one list of fields, one reading of the latest request', () => {
  it('checks every residence field the list names, and names each material as the materials do', () => {
    const c = new Checker();
    checkResidence(c, {}, TODAY);
    for (const field of RESIDENCE_FIELDS.filter((f) => f !== 'organisation')) expect(c.errors[`residence.${field}`]).toBeDefined();
    for (const [field, label] of Object.entries(MATERIAL_LABELS)) expect(FIELD_LABELS[`materials.${field}`]).toBe(label);
  });

  it('reads the items of the latest request only', () => {
    const timeline = [
      { status: 'pending' as const, at: 1 },
      { status: 'correction_requested' as const, at: 2, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] },
      { status: 'pending' as const, at: 3 },
      { status: 'correction_requested' as const, at: 4, items: [{ item: 'residence.kind', message: '房屋为亲属所有' }] },
    ];
    expect(latestRequest(timeline)).toEqual([{ item: 'residence.kind', message: '房屋为亲属所有' }]);
    expect(latestRequest(timeline.slice(0, 1))).toEqual([]);
    expect(changeableItems(['residence.kind'], 'relative')).toEqual(['residence.kind', 'materials.relationStatement']);
  });

  it('checks a residence against a birth date as against the ID number it was read from', () => {
    const before = { ...RESIDENCE, since: '1989-12-31' };
    const byId = new Checker();
    checkResidence(byId, before, TODAY, ID_NUMBER);
    const byBirth = new Checker();
    checkResidenceOf(byBirth, before, TODAY, '1990-03-07');
    expect(byBirth.errors).toEqual(byId.errors);
    expect(byBirth.errors).toEqual({ 'residence.since': FIELD_MESSAGES.beforeBirth });
  });
});
