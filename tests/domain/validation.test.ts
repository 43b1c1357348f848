// The field checkers on hostile values: keys found on every object's prototype, text that must never
// be stored, and lengths judged before the text is read.
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { fieldLabel, textLabel } from '../../miniprogram/domain/labels';
import { MAX_ID_LENGTH } from '../../miniprogram/domain/limits';
import { Checker, hasUnsafeCharacter, isId } from '../../miniprogram/domain/validation';

it('records an error on a path named like a prototype key', () => {
  for (const path of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
    const c = new Checker();
    c.fail(path, '错');
    expect(c.ok).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(c.errors, path)).toBe(true);
  }
});

it('names only its own fields', () => {
  expect(fieldLabel('constructor')).toBe('constructor');
  expect(fieldLabel('applicant.mobile')).toBe('手机号码');
  expect(textLabel('toString')).toBeUndefined();
  expect(textLabel('items.3.message')).toBe('补正说明');
});

it('refuses control characters, lone surrogates and direction overrides, and keeps what people type', () => {
  for (const bad of [
    'a\u0000b',
    'a\u0009b',
    'a\u000db',
    'a\u007fb',
    'a\u0085b',
    'a\u009fb',
    '\ud800x',
    'x\ud800',
    'x\udc00y',
    '\udc00\ud800',
    'a\u202ab',
    'a\u202eb',
    'a\u2066b',
    'a\u2069b',
  ]) {
    expect(hasUnsafeCharacter(bad)).toBe(true);
  }
  for (const good of ['望月湖小区 3 栋', '😀', 'a\u200fb', 'a\u200bb', 'a\u200db', 'é', 'ｆｕｌｌ', '']) expect(hasUnsafeCharacter(good)).toBe(false);
  expect(hasUnsafeCharacter('第一行\n第二行')).toBe(true);
  expect(hasUnsafeCharacter('第一行\n第二行', true)).toBe(false);
  expect(hasUnsafeCharacter('a\u0000b', true)).toBe(true);
});

it('names the field whose text cannot be stored, whatever message the field otherwise has', () => {
  const c = new Checker();
  expect(c.text('applicant.name', '李\u0000四', 2, 30, FIELD_MESSAGES.name)).toBeUndefined();
  expect(c.text('note', '通过\u202e', 1, 200)).toBeUndefined();
  expect(c.errors).toEqual({ 'applicant.name': FIELD_MESSAGES.unsafeText('姓名'), note: FIELD_MESSAGES.unsafeText('审核意见') });
  expect(FIELD_MESSAGES.unsafeText('姓名')).toContain('姓名');
  expect(FIELD_MESSAGES.unsafeText()).toMatch(/^此项/);
});

it('reads a line break typed into an address as a space, keeps it where several lines are allowed, and refuses it elsewhere', () => {
  const c = new Checker();
  expect(c.text('residence.address', '望月湖小区\n3 栋 201\r\n', 2, 100, undefined, { foldLineBreaks: true })).toBe('望月湖小区 3 栋 201');
  expect(c.text('note', '第一行\r\n第二行', 1, 200, undefined, { multiline: true })).toBe('第一行\n第二行');
  expect(c.ok).toBe(true);
  expect(c.text('applicant.name', '李\n四', 2, 30)).toBeUndefined();
  expect(c.errors['applicant.name']).toBe(FIELD_MESSAGES.unsafeText('姓名'));
});

it('refuses text far over its limit before reading it, and counts code points below it', () => {
  const c = new Checker();
  expect(c.text('a', 'x'.repeat(5_000_000), 1, 100)).toBeUndefined();
  expect(c.errors.a).toBe(FIELD_MESSAGES.tooLong(100));
  expect(c.text('b', '😀'.repeat(100), 1, 100)).toBe('😀'.repeat(100));
  expect(c.text('c', '😀'.repeat(101), 1, 100)).toBeUndefined();
  expect(c.text('d', `  ${'汉'.repeat(100)}  `, 1, 100)).toBe('汉'.repeat(100));
});

it('accepts as ids only short text without spaces or unsafe characters', () => {
  expect(isId('f-abcdefghijkmnpqrstu')).toBe(true);
  for (const bad of ['', 'a b', 'a\u0000', '\ud800', 'x'.repeat(MAX_ID_LENGTH + 1), 5, null, ['x'], { id: 'x' }]) expect(isId(bad)).toBe(false);
});
