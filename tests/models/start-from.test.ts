// Where a flow starts from what is known: the form after a move, and what a refused application gives 重新申请.
import { formErrors, payloadOf, derivedOf, emptyDraft } from '../../miniprogram/components/declaration-form/model';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { draftAfterMove, knownPersonOf, reapplicationOf } from '../../miniprogram/pages/apply/startFrom';
import { applicationDetail, applicantView, entry, link, residence } from './support';
import { longDate } from '../../miniprogram/utils/format';

const TODAY = '2026-11-20';
const approved = applicationDetail({
  status: 'approved',
  applicant: applicantView({ mobile: '13900139000' }),
  residence: residence({ basis: 'employment', organisation: '长沙某某科技有限公司', kind: 'own' }),
});
const resolve = (url: string) => `resolved:${url}`;

describe('the form after a move', () => {
  it('keeps the person’s details and the basis, and asks for the new home', () => {
    const draft = draftAfterMove(approved);
    expect(draft.applicant).toEqual({ ...emptyDraft().applicant, ethnicity: approved.applicant.ethnicity, mobile: '13900139000', hukouAddress: approved.applicant.hukouAddress });
    expect(draft.residence).toEqual({ ...emptyDraft().residence, basis: 'employment', organisation: '长沙某某科技有限公司' });
  });

  it('checks only what is typed, sends neither name nor ID number, and shows the known birth date', () => {
    const known = knownPersonOf(approved);
    expect(known).toEqual({
      name: approved.applicant.name,
      idNumberMasked: approved.applicant.idNumberMasked,
      birthDate: approved.applicant.birthDate,
      sex: approved.applicant.sex,
    });
    const draft = draftAfterMove(approved);
    const errors = formErrors(draft, TODAY, known);
    expect(Object.keys(errors)).not.toContain('applicant.name');
    expect(Object.keys(errors)).not.toContain('applicant.idNumber');
    expect(errors).toMatchObject({ 'residence.district': FIELD_MESSAGES.district, 'residence.kind': FIELD_MESSAGES.residenceKind });
    draft.residence = { ...draft.residence, district: '430105', street: '四方坪街道', address: '滨江小区5栋1203', since: '2026-11-01', kind: 'rent' };
    expect(formErrors(draft, TODAY, known)).toEqual({});
    // A start before the person was born is still refused: the birth date is the declaration's.
    expect(formErrors({ ...draft, residence: { ...draft.residence, since: '1980-01-01' } }, TODAY, known)).toEqual({ 'residence.since': FIELD_MESSAGES.beforeBirth });
    expect(payloadOf(draft, known).applicant).toEqual({ ethnicity: approved.applicant.ethnicity, mobile: '13900139000', hukouAddress: approved.applicant.hukouAddress });
    expect(derivedOf(draft, TODAY, 'declaration', known)).toMatchObject({
      birthDate: longDate(approved.applicant.birthDate),
      sex: approved.applicant.sex === 'male' ? '男' : '女',
    });
  });
});

describe('重新申请', () => {
  const refused = applicationDetail({
    status: 'rejected',
    materials: { idFront: link('f-id'), proofs: [link('f-p1'), link('f-p2')] },
    timeline: [entry('pending', '2026-09-01 09:15'), entry('rejected', '2026-09-03 10:00', { reasons: ['租赁合同已过期', '地址不一致'] })],
  });

  it('keeps the form but the ID number, every photo, and the reasons', () => {
    const again = reapplicationOf(refused, 'declaration', resolve);
    expect(again?.reasons).toEqual(['租赁合同已过期', '地址不一致']);
    expect(again?.draft.applicant).toMatchObject({ name: refused.applicant.name, idNumber: '', mobile: refused.applicant.mobile });
    expect(again?.draft.residence).toMatchObject({ ...refused.residence, organisation: refused.residence?.organisation ?? '' });
    expect(again?.uploads.proofs?.map((item) => [item.fileId, item.status, item.url])).toEqual([
      ['f-p1', 'done', 'resolved:https://files.example/f-p1'],
      ['f-p2', 'done', 'resolved:https://files.example/f-p2'],
    ]);
  });

  it('keeps a replacement’s reason', () => {
    const reissue = applicationDetail({ ...refused, kind: 'reissue', reason: 'damaged', residence: undefined });
    expect(reapplicationOf(reissue, 'reissue', resolve)).toMatchObject({ reason: 'damaged' });
  });

  it('gives nothing from an application not refused, or of another service', () => {
    expect(reapplicationOf({ ...refused, status: 'withdrawn' }, 'declaration', resolve)).toBeNull();
    expect(reapplicationOf(refused, 'permit', resolve)).toBeNull();
  });
});
