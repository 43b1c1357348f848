// Dates and fees as residents read them: written the way people write them, whatever the process zone.
import { feeText, longDate, longDateTime } from '../../miniprogram/utils/format';

describe('a date', () => {
  it('is written with 年月日 and no leading zeros', () => {
    expect(longDate('2027-03-01')).toBe('2027年3月1日');
    expect(longDate('2026-12-31')).toBe('2026年12月31日');
  });
});

describe('a date and time', () => {
  it('is the China-time day written long, then the minute', () => {
    expect(longDateTime(Date.parse('2027-03-01T08:30:00+08:00'))).toBe('2027年3月1日 08:30');
  });

  it('reads an instant just after midnight in China as that China day', () => {
    expect(longDateTime(Date.parse('2026-08-31T16:05:00Z'))).toBe('2026年9月1日 00:05');
    expect(longDateTime(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027年1月1日 00:00');
  });
});

describe('a fee', () => {
  it('is 免费 at zero, else the amount in yuan', () => {
    expect(feeText(0)).toBe('免费');
    expect(feeText(20)).toBe('20 元');
  });
});
