// The apply flow's pure decisions: which service, why one is closed and for how many days, where a refusal leads, and the result screen.
import { CITY_HALL, FIND_LOCAL_STATION } from '../../miniprogram/domain/pickupPlaces';
import {
  CURRENT_STEP_ICON,
  LOST_CARD_NOTE,
  SERVICE_ENTRY,
  STEP,
  STEPS,
  closedByState,
  closedOf,
  refusalOf,
  resultOf,
  reviewNote,
  serviceOf,
  stepBar,
  stepAfterVerified,
  stepOfField,
} from '../../miniprogram/pages/apply/flow';
import { LIUYANG, applicationView, closed, open } from './support';

describe('the service', () => {
  it('is the one the route names, else the declaration', () => {
    expect(serviceOf('reissue')).toBe('reissue');
    expect(serviceOf('voucher')).toBe('voucher');
    expect(serviceOf(undefined)).toBe('declaration');
    expect(serviceOf('passport')).toBe('declaration');
    expect(serviceOf('constructor')).toBe('declaration');
  });

  it('asks the overview’s own entry whether it is open', () => {
    expect(SERVICE_ENTRY).toEqual({ declaration: 'declare', permit: 'permit', voucher: 'voucher', reissue: 'reissue', endorsement: 'endorse' });
  });

  it('walks five steps, done after the last', () => {
    expect(STEPS.map((s) => s.text)).toEqual(['身份核验', '阅读须知', '信息自检', '上传材料', '确认提交']);
    expect(STEP.done).toBe(STEPS.length);
  });
});

describe('a closed service', () => {
  it('says the server’s reason, which already counts the days, and the long date it opens', () => {
    expect(closedOf('居住满六个月后可申领，还需 181 天', '2027-02-28')).toEqual({ reason: '居住满六个月后可申领，还需 181 天', opensOn: '2027年2月28日' });
  });

  it('has no date when the server gives none', () => {
    expect(closedOf('您已有一件居住信息申报正在办理', undefined)).toEqual({ reason: '您已有一件居住信息申报正在办理', opensOn: '' });
  });

  it('is nothing for an open service, and has a reason even when the server gives none', () => {
    expect(closedByState(open())).toBeNull();
    expect(closedByState(closed(undefined, '2027-02-28'))).toEqual({ reason: '暂不能办理', opensOn: '2027年2月28日' });
  });
});

describe('after a verification', () => {
  const person = { name: '李晓梅', idNumber: '430104199003071237' };

  it('goes back to the step the person left when it is the same person', () => {
    expect(stepAfterVerified(STEP.confirm, true, person, { ...person })).toBe(STEP.confirm);
  });

  it('starts a declaration from the notice again when another person was verified', () => {
    expect(stepAfterVerified(STEP.confirm, true, person, { ...person, idNumber: '430104199003071245' })).toBe(STEP.notice);
    expect(stepAfterVerified(STEP.confirm, true, person, { ...person, name: '李晓' })).toBe(STEP.notice);
  });

  it('resumes a later service whoever typed the form, its identity being the approved declaration’s', () => {
    expect(stepAfterVerified(STEP.confirm, false, person, { name: '', idNumber: '' })).toBe(STEP.confirm);
  });

  it('goes on to the notice when there is nothing to resume', () => {
    expect(stepAfterVerified(null, true, person, person)).toBe(STEP.notice);
  });
});

it('finds the step holding each refused field', () => {
  expect(stepOfField('materials.proofs')).toBe(STEP.uploads);
  for (const path of ['applicant.mobile', 'residence.since', 'contact.mobile', 'reason']) expect(stepOfField(path)).toBe(STEP.form);
  expect(stepOfField('consent.noticeVersion')).toBe(STEP.notice);
  expect(stepOfField('requestId')).toBe(STEP.confirm);
});

describe('a refused submission', () => {
  it('shows the service closed, with the server’s date, when it is not eligible or conflicts', () => {
    expect(refusalOf({ code: 'NOT_ELIGIBLE', message: '居住未满六个月', opensOn: '2027-02-28' })).toEqual({
      closed: { reason: '居住未满六个月', opensOn: '2027年2月28日' },
    });
    expect(refusalOf({ code: 'CONFLICT', message: '您已有一件居住信息申报正在办理' })).toEqual({
      closed: { reason: '您已有一件居住信息申报正在办理', opensOn: '' },
    });
  });

  it('asks to verify again for an expired or used token', () => {
    expect(refusalOf({ code: 'VERIFICATION_FAILED', message: '身份核验未通过' })).toEqual({ say: '身份核验未通过', reverify: true });
    expect(refusalOf({ code: 'VERIFICATION_FAILED', message: '身份核验未通过', fields: { verificationToken: '验证结果已过期' } })).toEqual({
      say: '验证结果已过期',
      reverify: true,
    });
  });

  it('asks for the reason again when the card was reported lost meanwhile', () => {
    expect(refusalOf({ code: 'INVALID_INPUT', message: '填写的信息有误', fields: { reason: '原证已登记挂失，只能办理遗失补领' } })).toEqual({
      say: '原证已登记挂失，只能办理遗失补领',
      chooseReason: true,
    });
  });

  it('leads to the earliest step holding a refused field, saying the first message', () => {
    const refusal = refusalOf({ code: 'INVALID_INPUT', message: '填写的信息有误', fields: { 'materials.proofs': '请上传图片', 'residence.since': '日期不能晚于今天' } });
    expect(refusal).toEqual({ say: '请上传图片', step: STEP.form });
    expect(refusalOf({ code: 'INVALID_INPUT', message: 'x', fields: { 'consent.noticeVersion': '须知已更新' } })).toEqual({ say: '须知已更新', step: STEP.notice });
  });

  it('only says the message when nothing points at a field', () => {
    expect(refusalOf({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' })).toEqual({ say: '系统繁忙，请稍后再试' });
  });
});

describe('the result screen', () => {
  it('shows a declaration’s dates long, the permit date provisional, and no place', () => {
    const result = resultOf(applicationView({ declaredOn: '2026-09-01', permitOpensOn: '2027-03-01', permitOpensOnProvisional: true }));
    expect(result).toEqual({
      id: 'app-1',
      declaredOn: '2026年9月1日',
      permitOpensOn: '2027年3月1日',
      provisional: true,
      dueOn: '2026年9月16日',
      place: '',
      address: '',
      placeNote: '',
      fee: '',
      lost: '',
    });
  });

  it('sends a card from an urban district to the city hall and a county’s to its police station, once made', () => {
    expect(resultOf(applicationView({ kind: 'permit' }))).toMatchObject({ place: CITY_HALL.name, placeNote: '制证完成后，凭“我的办件”中的领取码本人领取' });
    expect(resultOf(applicationView({ kind: 'permit', district: LIUYANG })).place).toBe('浏阳市居住地派出所');
  });

  it('gives the hall’s address, and a county resident the way to find their station, never a station’s name or address', () => {
    expect(resultOf(applicationView({ kind: 'permit' })).address).toBe(CITY_HALL.address);
    const county = resultOf(applicationView({ kind: 'permit', district: LIUYANG }));
    expect(county.address).toBe(FIND_LOCAL_STATION);
    expect(county.address).toContain('12345');
    expect(resultOf(applicationView({ kind: 'endorsement' })).address).toBe('');
  });

  it('says a lost card is now recorded as lost once its replacement is submitted, and only then', () => {
    expect(resultOf(applicationView({ kind: 'reissue', reason: 'lost', fee: 20 })).lost).toBe(LOST_CARD_NOTE);
    expect(LOST_CARD_NOTE).toContain('挂失');
    expect(LOST_CARD_NOTE).toContain('不能再使用');
    for (const reason of ['damaged', 'expired', 'changed'] as const) expect(resultOf(applicationView({ kind: 'reissue', reason, fee: 20 })).lost).toBe('');
    expect(resultOf(applicationView({ kind: 'permit' })).lost).toBe('');
  });

  it('sends an endorsement nowhere: it takes effect when approved', () => {
    expect(resultOf(applicationView({ kind: 'endorsement' }))).toMatchObject({ place: '', placeNote: '' });
  });

  it('shows no declaration dates for a later service', () => {
    expect(resultOf(applicationView({ kind: 'permit' }))).toMatchObject({ declaredOn: '', permitOpensOn: '' });
  });

  it('sends a voucher to the place once it is issued', () => {
    expect(resultOf(applicationView({ kind: 'voucher' }))).toMatchObject({ place: CITY_HALL.name, placeNote: '办好后，凭“我的办件”中的领取码本人领取' });
  });

  it('names a replacement’s fee, 免费 when it is nothing, and collects it once made like any card', () => {
    expect(resultOf(applicationView({ kind: 'reissue', reason: 'damaged', fee: 20 }))).toMatchObject({ fee: '20 元', placeNote: '制证完成后，凭“我的办件”中的领取码本人领取' });
    expect(resultOf(applicationView({ kind: 'reissue', reason: 'expired', fee: 0 })).fee).toBe('免费');
  });
});

describe('what the result screen promises', () => {
  const asked = ['review_approved', 'review_rejected', 'correction_requested'] as const;

  it('promises the result by 服务通知 only when every outcome asked for was accepted', () => {
    expect(reviewNote(15, asked, asked)).toBe('公安机关将在 15 日内完成审核，结果会通过服务通知告诉您。');
  });

  it('names the messages accepted when only some were, and points to 我的办件 for the rest', () => {
    expect(reviewNote(15, asked, ['review_approved'])).toBe('公安机关将在 15 日内完成审核，审核通过通知会通过服务通知发给您，进度可在“我的办件”查看。');
  });

  it('promises no message when nothing was accepted or nothing was asked', () => {
    expect(reviewNote(15, asked, [])).toBe('公安机关将在 15 日内完成审核，可在“我的办件”查看进度。');
    expect(reviewNote(15, [], [])).toBe('公安机关将在 15 日内完成审核，可在“我的办件”查看进度。');
    // An acceptance of something not asked here promises nothing here.
    expect(reviewNote(15, asked, ['permit_open'])).not.toContain('服务通知');
  });
});

describe('the step bar', () => {
  it('ticks only the steps done; the current one carries the ring, the ones ahead a plain dot', () => {
    expect(CURRENT_STEP_ICON).not.toBe('checked');
    const { steps, untitledSteps } = stepBar(STEP.uploads);
    expect(steps.map((s) => s.inactiveIcon)).toEqual(['checked', 'checked', 'checked', undefined, undefined]);
    expect(steps.map((s) => s.text)).toEqual(STEPS.map((s) => s.text));
    expect(untitledSteps.map((s) => [s.text, s.inactiveIcon])).toEqual(steps.map((s) => ['', s.inactiveIcon]));
    expect(stepBar(STEP.identity).steps.every((s) => s.inactiveIcon === undefined)).toBe(true);
  });
});
