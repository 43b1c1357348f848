// The staff refusal form's model: what is wrong with one reason, as the server counts it.
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { REASON_MAX, checkReason } from '../../miniprogram/staff/components/reasons-form/model';

it('asks to fill in or remove an empty reason, spaces counting as empty', () => {
  expect(checkReason('')).toBe('请填写理由，或删除这一条');
  expect(checkReason('   ')).toBe('请填写理由，或删除这一条');
});

it('accepts a reason up to the limit, a 汉字 or an emoji counting as one, and refuses one longer', () => {
  expect(checkReason('租赁合同已过期')).toBe('');
  expect(checkReason('理'.repeat(REASON_MAX))).toBe('');
  expect(checkReason('😀'.repeat(REASON_MAX))).toBe('');
  expect(checkReason('理'.repeat(REASON_MAX + 1))).toBe(FIELD_MESSAGES.tooLong(REASON_MAX));
});

it('counts the reason trimmed', () => {
  expect(checkReason(` ${'理'.repeat(REASON_MAX)} `)).toBe('');
});
