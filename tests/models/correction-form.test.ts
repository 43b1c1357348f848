// The staff correction form's model: one option per correctable item, the send label, and every item's message checked at once.
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { MESSAGE_MAX, checkCorrection, itemOptions, submitLabel, type ItemOption } from '../../miniprogram/staff/components/correction-form/model';

const options = itemOptions(['applicant.mobile', 'materials.proofs', 'residence.since']);
const tick = (list: ItemOption[], messages: Record<string, string>): ItemOption[] => list.map((o) => (o.item in messages ? { ...o, checked: true, message: messages[o.item] } : o));

it('gives each item an option named for it, keyed without dots, unticked', () => {
  expect(options.map((o) => [o.key, o.label, o.checked, o.message])).toEqual([
    ['applicant-mobile', '手机号码', false, ''],
    ['materials-proofs', '居住地址证明', false, ''],
    ['residence-since', '居住起始日期', false, ''],
  ]);
});

it('counts the items ticked on the send button', () => {
  expect(submitLabel(options)).toBe('发送补正通知');
  expect(submitLabel(tick(options, { 'applicant.mobile': '', 'materials.proofs': '' }))).toBe('发送补正通知（2 项）');
});

it('asks for at least one item', () => {
  expect(checkCorrection(options)).toEqual({ formError: FIELD_MESSAGES.correctionItems, itemErrors: {} });
});

it('asks for what to do next to every ticked item without a message, at once', () => {
  const result = checkCorrection(tick(options, { 'applicant.mobile': '  ', 'materials.proofs': '', 'residence.since': '起始日期有误' }));
  expect(result).toEqual({
    formError: '',
    itemErrors: { 'applicant.mobile': FIELD_MESSAGES.correctionMessage, 'materials.proofs': FIELD_MESSAGES.correctionMessage },
  });
});

it('holds each message to the server’s limit, counting a 汉字 or an emoji as one', () => {
  expect(checkCorrection(tick(options, { 'applicant.mobile': '号'.repeat(MESSAGE_MAX) }))).toHaveProperty('items');
  expect(checkCorrection(tick(options, { 'applicant.mobile': '😀'.repeat(MESSAGE_MAX) }))).toHaveProperty('items');
  expect(checkCorrection(tick(options, { 'applicant.mobile': '号'.repeat(MESSAGE_MAX + 1) }))).toEqual({
    formError: '',
    itemErrors: { 'applicant.mobile': FIELD_MESSAGES.tooLong(MESSAGE_MAX) },
  });
});

it('sends only the ticked items, in order, their messages trimmed', () => {
  const list = tick(options, { 'residence.since': ' 起始日期有误 ', 'applicant.mobile': '号码无法接通' });
  const withStrayText = list.map((o) => (o.item === 'materials.proofs' ? { ...o, message: '未勾选的说明' } : o));
  expect(checkCorrection(withStrayText)).toEqual({
    items: [
      { item: 'applicant.mobile', message: '号码无法接通' },
      { item: 'residence.since', message: '起始日期有误' },
    ],
  });
});
