// 申领条件自测: a few questions, one at a time, that end in the service that fits and from when.
// The rules are product.md's "Who may apply" and the services' order; dates come from domain/rules.
import type { ApplicationKind } from '../../domain/contract';
import { KIND_LABELS } from '../../domain/labels';
import { MATERIAL_LABELS } from '../../domain/materials';
import { permitOpensOnFor } from '../../domain/rules';
import { longDate } from '../../utils/format';

export type QuestionId = 'holder' | 'card' | 'hukou' | 'basis' | 'declared' | 'sixMonths';

export interface Option {
  value: string;
  label: string;
}

export interface Question {
  id: QuestionId;
  text: string;
  /** A line under the question that says what it means. */
  note?: string;
  options: Option[];
}

export interface Outcome {
  title: string;
  lines: string[];
  /** The service that fits, opened from the result; none when nothing is to be done here. */
  service?: ApplicationKind;
  action?: string;
}

export type Answers = Partial<Record<QuestionId, string>>;

const YES_NO: Option[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

export const QUESTIONS: Readonly<Record<QuestionId, Question>> = {
  holder: { id: 'holder', text: '您现在持有长沙市居住证吗？', options: YES_NO },
  card: {
    id: 'card',
    text: '您想办理的是哪种情况？',
    options: [
      { value: 'lost', label: '居住证丢了' },
      { value: 'renew', label: '居住证损坏、过期或信息有变' },
      { value: 'endorse', label: '每年一次的签注' },
    ],
  },
  hukou: { id: 'hukou', text: '您的户口在长沙市吗？', options: YES_NO },
  basis: {
    id: 'basis',
    text: '您在长沙有下面任何一项吗？',
    note: '合法稳定就业（有工作单位或营业执照）、合法稳定住所（租房、自有住房或单位宿舍），或在长沙连续就读',
    options: [
      { value: 'yes', label: '有，符合其中一项' },
      { value: 'no', label: '都没有' },
    ],
  },
  declared: {
    id: 'declared',
    text: '您是否已申报居住信息，并且审核通过了？',
    options: [
      { value: 'yes', label: '已审核通过' },
      { value: 'pending', label: '已申报，还在审核' },
      { value: 'no', label: '还没有申报' },
    ],
  },
  sixMonths: {
    id: 'sixMonths',
    text: '从申报日期到今天，满六个月了吗？',
    options: [
      { value: 'yes', label: '已满六个月' },
      { value: 'no', label: '不满六个月' },
      { value: 'unsure', label: '不确定' },
    ],
  },
};

const CHECK_HOME = '首页“我的居住状态”显示您的申报日期和可申领居住证的日期。';

/** What the answers so far lead to: the next question, or the outcome once there is one. */
export function next(answers: Answers, today: string): { question: Question } | { outcome: Outcome } {
  const ask = (id: QuestionId) => ({ question: QUESTIONS[id] });
  const outcome = (value: Outcome) => ({ outcome: value });
  if (!answers.holder) return ask('holder');
  if (answers.holder === 'yes') {
    if (!answers.card) return ask('card');
    if (answers.card === 'lost') {
      return outcome({
        title: `您需要办理：${KIND_LABELS.reissue}（补领）`,
        lines: ['选择“遗失补领”，提交后原证即登记为挂失，不能再使用。', '补领需交证件工本费，提交前会显示金额。'],
        service: 'reissue',
        action: '去办理补领',
      });
    }
    if (answers.card === 'renew') {
      return outcome({
        title: `您需要办理：${KIND_LABELS.reissue}（换领）`,
        lines: ['选择损坏、过期或信息变更的原因；损坏的请上传居住证照片。', '换领需交证件工本费，提交前会显示金额。'],
        service: 'reissue',
        action: '去办理换领',
      });
    }
    return outcome({
      title: `您需要办理：${KIND_LABELS.endorsement}`,
      lines: ['居住证每满一年签注一次，在到期前一个月内办理；首页显示下次签注的时间。', '错过签注的，居住证暂停使用，签注后恢复，但连续居住年限重新计算。'],
      service: 'endorsement',
      action: '去办理签注',
    });
  }
  if (!answers.hukou) return ask('hukou');
  if (answers.hukou === 'yes') {
    return outcome({ title: '您不需要办理居住证', lines: ['居住证为户口不在长沙、来长沙居住的人办理。户籍方面的事项，请咨询户口所在地派出所。'] });
  }
  if (!answers.basis) return ask('basis');
  if (!answers.declared) return ask('declared');
  if (answers.declared === 'no') {
    const lines = [`今天申报，审核通过后，满六个月即${longDate(permitOpensOnFor(today))}起可申领居住证。`, '在此之前，申报审核通过后可先申领居住登记凭证，证明您在长沙居住。'];
    if (answers.basis === 'no') lines.push('申领居住证时，还需符合合法稳定就业、合法稳定住所或连续就读之一。');
    return outcome({ title: `您需要先办理：${KIND_LABELS.declaration}`, lines, service: 'declaration', action: '去申报居住信息' });
  }
  if (answers.declared === 'pending') {
    return outcome({ title: '请等待申报审核', lines: ['审核结果会通知您，也可以在“我的办件”查看。审核通过后即可申领居住登记凭证。', CHECK_HOME] });
  }
  if (answers.basis === 'no') {
    return outcome({
      title: `您可以办理：${KIND_LABELS.voucher}`,
      lines: ['申领居住证还需符合合法稳定就业、合法稳定住所或连续就读之一；在此之前，居住登记凭证可以证明您在长沙居住。'],
      service: 'voucher',
      action: '去申领登记凭证',
    });
  }
  if (!answers.sixMonths) return ask('sixMonths');
  if (answers.sixMonths === 'yes') {
    return outcome({
      title: `您可以办理：${KIND_LABELS.permit}`,
      lines: [`身份和住址来自您已审核通过的申报，只需上传${MATERIAL_LABELS.idFront}、${MATERIAL_LABELS.proofs}和${MATERIAL_LABELS.photo}。`],
      service: 'permit',
      action: '去申领居住证',
    });
  }
  return outcome({
    title: `您现在可以办理：${KIND_LABELS.voucher}`,
    lines: [`满六个月后即可申领居住证。${CHECK_HOME}`],
    service: 'voucher',
    action: '去申领登记凭证',
  });
}
