import { addDays, addMonths, chinaDate, chinaDateTime, daysBetween, parseDate } from '../../miniprogram/domain/dates';
import { declaredOnFor, dueOnFor, daysUntil, isOverdue, permitOpensOnFor } from '../../miniprogram/domain/rules';

describe('China-time dates of instants', () => {
  it.each([
    ['2026-08-31T15:59:59.999Z', '2026-08-31'], // 23:59:59.999 in Changsha
    ['2026-08-31T16:00:00.000Z', '2026-09-01'], // midnight in Changsha, still Aug 31 in UTC
    ['2026-09-01T00:30:00+08:00', '2026-09-01'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2028-02-28T16:00:00Z', '2028-02-29'],
  ])('%s is %s in China', (iso, expected) => {
    expect(chinaDate(Date.parse(iso))).toBe(expected);
  });

  it('formats the China-time minute', () => {
    expect(chinaDateTime(Date.parse('2026-09-01T00:30:00+08:00'))).toBe('2026-09-01 00:30');
  });
});

describe('strict calendar dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-2-3', '20260203', '2026-02-29', '1899-12-31', ''])('rejects %p', (text) => expect(parseDate(text)).toBeNull());
  it.each(['2028-02-29', '2026-12-31', '1900-01-01'])('accepts %p', (text) => expect(parseDate(text)).not.toBeNull());
});

describe('month arithmetic clamps month ends', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'], // leap year
    ['2026-09-01', 6, '2027-03-01'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-07-15', 6, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses a date that is not a date', () => {
    expect(() => addMonths('2026-02-30', 6)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2028-02-20', 15)).toBe('2028-03-06');
    expect(addDays('2027-02-20', 15)).toBe('2027-03-07');
  });
  it('counts days between dates in both directions', () => {
    expect(daysBetween('2026-09-01', '2027-03-01')).toBe(181);
    expect(daysBetween('2027-03-01', '2026-09-01')).toBe(-181);
    expect(daysUntil('2027-03-02', '2027-03-01')).toBe(0);
  });
});

describe('the permit date rules', () => {
  it('counts six months from the China-time declaration date', () => {
    const at = Date.parse('2026-09-01T00:30:00+08:00'); // still 2026-08-31 in UTC
    expect(declaredOnFor(at)).toBe('2026-09-01');
    expect(permitOpensOnFor(declaredOnFor(at))).toBe('2027-03-01');
    expect(permitOpensOnFor('2026-08-31')).toBe('2027-02-28');
  });

  it('sets the review deadline 15 days after the China-time submission date', () => {
    expect(dueOnFor(Date.parse('2026-09-01T00:30:00+08:00'))).toBe('2026-09-16');
    expect(dueOnFor(Date.parse('2026-08-31T23:59:00+08:00'))).toBe('2026-09-15');
  });

  it('is overdue only while pending and after the due date', () => {
    expect(isOverdue('pending', '2026-09-16', '2026-09-16')).toBe(false);
    expect(isOverdue('pending', '2026-09-16', '2026-09-17')).toBe(true);
    expect(isOverdue('correction_requested', '2026-09-16', '2026-09-17')).toBe(false);
  });
});
