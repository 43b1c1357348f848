// The development panel's clock input: China time written as people in China write it, read back exactly.
import { CLOCK_INPUT_FORMAT, fromClockInput, toClockInput } from '../../preview/panel/clockInput';

const at = (iso: string) => Date.parse(iso);

it('shows the clock as 2026-09-01 09:00 in China time, whatever the process time zone', () => {
  expect(toClockInput(at('2026-09-01T01:00:00Z'))).toBe('2026-09-01 09:00');
  expect(toClockInput(at('2026-08-31T16:30:00Z'))).toBe('2026-09-01 00:30');
  expect(CLOCK_INPUT_FORMAT).toBe('YYYY-MM-DD HH:mm');
});

it('reads what it shows, and the same typed loosely', () => {
  const nine = at('2026-09-01T09:00:00+08:00');
  expect(fromClockInput(toClockInput(nine))).toBe(nine);
  for (const typed of ['2026-09-01 09:00', '2026-09-01T09:00', ' 2026-9-1 9:00 ', '2026-09-01 09:00:00']) expect(fromClockInput(typed)).toBe(nine);
});

it('refuses what is not a date and time, and a day the month does not have', () => {
  for (const typed of ['', '09/01/2026, 09:00 AM', '2026-09-01', '2026-02-30 09:00', '2026-13-01 09:00', '2026-09-01 24:00', '2026-09-01 09:60']) {
    expect(fromClockInput(typed)).toBeNaN();
  }
});
