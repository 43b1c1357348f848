import { birthDateOf, idNumberProblem, maskIdNumber, normaliseIdNumber, sexOf } from '../../miniprogram/domain/idNumber';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';

const TODAY = '2026-11-28';

describe('ID numbers (GB 11643)', () => {
  // Check digits computed independently of the code under test.
  it.each(['11010519491231002X', '430104199003071237', '430121200002290018', '43010419900307100X', '430182198511110022'])('accepts %s', (id) =>
    expect(idNumberProblem(id, TODAY)).toBeNull(),
  );

  it('reads a lower-case x as X', () => {
    expect(idNumberProblem('43010419900307100x', TODAY)).toBeNull();
    expect(normaliseIdNumber(' 43010419900307100x ')).toBe('43010419900307100X');
  });

  it.each([
    ['430104199003071236', FIELD_MESSAGES.idCheckDigit],
    ['430104199003071230', FIELD_MESSAGES.idCheckDigit],
    ['43010419900307100Y', FIELD_MESSAGES.idChars],
    ['4301041990030712', FIELD_MESSAGES.idLength],
    ['4301041990030712370', FIELD_MESSAGES.idLength],
    ['43010419900230123X', FIELD_MESSAGES.idBirth], // 30 February
    ['430104203001011234', FIELD_MESSAGES.idBirth], // born in 2030
    ['430104189912311234', FIELD_MESSAGES.idBirth], // before 1900
    ['990104199003071237', FIELD_MESSAGES.idArea],
    ['43010419900X071237', FIELD_MESSAGES.idChars],
  ])('rejects %s', (id, message) => {
    expect(idNumberProblem(id, TODAY)).toBe(message);
  });

  it('refuses a birth date after today and accepts one on today', () => {
    // A newborn's number, born 2026-11-28.
    expect(idNumberProblem('430104202611280010', '2026-11-27')).toBe(FIELD_MESSAGES.idBirth);
    expect(idNumberProblem('430104202611280010', '2026-11-28')).toBeNull();
  });

  it('derives birth date and sex', () => {
    expect(birthDateOf('430121200002290018')).toBe('2000-02-29');
    expect(sexOf('430121200002290018')).toBe('male'); // 17th digit 1
    expect(sexOf('430182198511110022')).toBe('female'); // 17th digit 2
  });

  it('masks all but the first 6 and last 4', () => {
    expect(maskIdNumber('43010419900307100X')).toBe('430104********100X');
  });
});
