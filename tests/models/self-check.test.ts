// 申领条件自测: every path through the questions ends in the service product.md's rules give, and the
// estimated permit date is six calendar months from today's China date, in any process time zone.
import { QUESTIONS, next, type Answers, type QuestionId } from '../../miniprogram/pages/self-check/model';

const TODAY = '2026-08-31';

function questionOf(answers: Answers): QuestionId | undefined {
  const found = next(answers, TODAY);
  return 'question' in found ? found.question.id : undefined;
}

function outcomeOf(answers: Answers) {
  const found = next(answers, TODAY);
  if (!('outcome' in found)) throw new Error(`still asking ${found.question.id}`);
  return found.outcome;
}

describe('the questions', () => {
  it('asks first whether the person holds a card, then what is wrong with it', () => {
    expect(questionOf({})).toBe('holder');
    expect(questionOf({ holder: 'yes' })).toBe('card');
    expect(questionOf({ holder: 'no' })).toBe('hukou');
    expect(questionOf({ holder: 'no', hukou: 'no' })).toBe('basis');
    expect(questionOf({ holder: 'no', hukou: 'no', basis: 'yes' })).toBe('declared');
    expect(questionOf({ holder: 'no', hukou: 'no', basis: 'yes', declared: 'yes' })).toBe('sixMonths');
  });

  it('offers every question a choice of answers, each with words', () => {
    for (const question of Object.values(QUESTIONS)) {
      expect(question.options.length).toBeGreaterThanOrEqual(2);
      for (const option of question.options) expect(option.label).not.toBe('');
    }
  });
});

describe('the outcome', () => {
  it('sends a card holder to 补领 for a lost card, 换领 for a damaged one, and 签注 once a year', () => {
    expect(outcomeOf({ holder: 'yes', card: 'lost' })).toMatchObject({ service: 'reissue', title: '您需要办理：居住证补领/换领（补领）' });
    expect(outcomeOf({ holder: 'yes', card: 'renew' })).toMatchObject({ service: 'reissue', title: '您需要办理：居住证补领/换领（换领）' });
    expect(outcomeOf({ holder: 'yes', card: 'endorse' })).toMatchObject({ service: 'endorsement' });
  });

  it('tells someone registered in Changsha that no permit is needed, and opens nothing', () => {
    const outcome = outcomeOf({ holder: 'no', hukou: 'yes' });
    expect(outcome.title).toBe('您不需要办理居住证');
    expect(outcome.service).toBeUndefined();
  });

  it('sends someone new to the declaration, with the date the permit then opens', () => {
    const outcome = outcomeOf({ holder: 'no', hukou: 'no', basis: 'yes', declared: 'no' });
    expect(outcome).toMatchObject({ service: 'declaration', action: '去申报居住信息' });
    // Six calendar months after 2026-08-31, clamped to the end of February.
    expect(outcome.lines[0]).toBe('今天申报，审核通过后，满六个月即2027年2月28日起可申领居住证。');
  });

  it('reminds someone new without a basis that the permit needs one', () => {
    const outcome = outcomeOf({ holder: 'no', hukou: 'no', basis: 'no', declared: 'no' });
    expect(outcome.service).toBe('declaration');
    expect(outcome.lines).toContain('申领居住证时，还需符合合法稳定就业、合法稳定住所或连续就读之一。');
  });

  it('asks someone whose declaration is still under review to wait, and opens nothing', () => {
    const outcome = outcomeOf({ holder: 'no', hukou: 'no', basis: 'yes', declared: 'pending' });
    expect(outcome).toMatchObject({ title: '请等待申报审核' });
    expect(outcome.service).toBeUndefined();
  });

  it('offers the permit after six months, and the voucher before them or without a basis', () => {
    const declared = { holder: 'no', hukou: 'no', basis: 'yes', declared: 'yes' };
    expect(outcomeOf({ ...declared, sixMonths: 'yes' }).service).toBe('permit');
    expect(outcomeOf({ ...declared, sixMonths: 'no' }).service).toBe('voucher');
    expect(outcomeOf({ ...declared, sixMonths: 'unsure' }).service).toBe('voucher');
    expect(outcomeOf({ ...declared, basis: 'no' }).service).toBe('voucher');
  });
});
