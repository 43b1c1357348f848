// The endorsement dates as a table: anniversaries, windows, lapses, late endorsements and replacements.
import { endorsementStanding, type CollectedCard, type EndorsementRecord, type EndorsementStanding, type EndorsementStatus } from '../../miniprogram/domain/endorsement';
import { overviewOf, type HistoryItem } from '../../miniprogram/domain/eligibility';

const pending = (submittedOn: string): EndorsementRecord => ({ status: 'pending', submittedOn });
const approved = (submittedOn: string, decidedOn: string): EndorsementRecord => ({ status: 'approved', submittedOn, decidedOn });
const rejected = (submittedOn: string, decidedOn: string): EndorsementRecord => ({ status: 'rejected', submittedOn, decidedOn });
const withdrawn = (submittedOn: string, decidedOn: string): EndorsementRecord => ({ status: 'withdrawn', submittedOn, decidedOn });
const card = (issuedOn: string, lost = false): CollectedCard => (lost ? { issuedOn, lost } : { issuedOn });

/** `apply`: true when open now; 'later' when closed until the window opens (the top-level opensOn is the window's); 'never' for a lost card. */
function standing(
  status: EndorsementStatus,
  opensOn: string,
  closesOn: string | null,
  validUntil: string,
  yearsOfResidence: number,
  apply: true | 'later' | 'never',
): EndorsementStanding {
  const base = { validUntil, yearsOfResidence, endorsement: { status, opensOn, closesOn } };
  if (apply === 'later') return { ...base, canApply: false, opensOn };
  return { ...base, canApply: apply === true };
}

// Issued on 29 February: A(1) is 2025-02-28, and A(4) is 29 February again.
const LEAP = [card('2024-02-29')];
const LEAP_KEPT = [approved('2025-02-01', '2025-02-05'), approved('2026-02-01', '2026-02-05'), approved('2027-02-01', '2027-02-05')];
// Issued on a month end: the window of A(1) = 2027-03-31 opens on 2027-02-28 (the month end clamps).
const END = [card('2026-03-31')];

const rows: [string, CollectedCard[], EndorsementRecord[], string, EndorsementStanding][] = [
  // 29 February
  ['29 Feb: the day before the first window', LEAP, [], '2025-01-27', standing('not_due', '2025-01-28', '2025-02-27', '2025-02-27', 0, 'later')],
  ['29 Feb: the window’s first day', LEAP, [], '2025-01-28', standing('window_open', '2025-01-28', '2025-02-27', '2025-02-27', 0, true)],
  ['29 Feb: the window’s last day', LEAP, [], '2025-02-27', standing('window_open', '2025-01-28', '2025-02-27', '2025-02-27', 0, true)],
  ['29 Feb: lapses on 28 Feb of a year without 29 Feb', LEAP, [], '2025-02-28', standing('lapsed', '2025-02-28', null, '2025-02-27', 0, true)],
  [
    '29 Feb: a late endorsement gives a new base',
    LEAP,
    [approved('2025-03-01', '2025-03-03')],
    '2025-03-03',
    standing('not_due', '2026-02-03', '2026-03-02', '2026-03-02', 0, 'later'),
  ],
  [
    '29 Feb: three years kept, the fourth window before 29 Feb of a leap year',
    LEAP,
    LEAP_KEPT,
    '2028-01-29',
    standing('window_open', '2028-01-29', '2028-02-28', '2028-02-28', 3, true),
  ],
  ['29 Feb: the fourth lapse falls on 29 Feb', LEAP, LEAP_KEPT, '2028-02-29', standing('lapsed', '2028-02-29', null, '2028-02-28', 0, true)],

  // A month end
  ['31 Mar: the day before the first window', END, [], '2027-02-27', standing('not_due', '2027-02-28', '2027-03-30', '2027-03-30', 0, 'later')],
  ['31 Mar: the window’s first day (the month end clamps)', END, [], '2027-02-28', standing('window_open', '2027-02-28', '2027-03-30', '2027-03-30', 0, true)],
  ['31 Mar: the window’s last day', END, [], '2027-03-30', standing('window_open', '2027-02-28', '2027-03-30', '2027-03-30', 0, true)],
  ['31 Mar: lapses on the anniversary', END, [], '2027-03-31', standing('lapsed', '2027-03-31', null, '2027-03-30', 0, true)],
  ['31 Mar: stays lapsed a year on', END, [], '2028-04-10', standing('lapsed', '2027-03-31', null, '2027-03-30', 0, true)],
  ['31 Mar: still lapsed while a late one is pending', END, [pending('2027-04-05')], '2027-04-10', standing('lapsed', '2027-03-31', null, '2027-03-30', 0, true)],
  [
    '31 Mar: a late endorsement approved on D: valid to D + 1y − 1d, years from 0',
    END,
    [approved('2027-04-05', '2027-04-20')],
    '2027-04-20',
    standing('not_due', '2028-03-20', '2028-04-19', '2028-04-19', 0, 'later'),
  ],
  [
    '31 Mar: a late base counts its own first year',
    END,
    [approved('2027-04-05', '2027-04-20'), approved('2028-04-01', '2028-04-02')],
    '2028-04-20',
    standing('not_due', '2029-03-20', '2029-04-19', '2029-04-19', 1, 'later'),
  ],

  // Pending over the anniversary
  ['pending within the window, before the anniversary', END, [pending('2027-03-25')], '2027-03-26', standing('pending', '2027-02-28', '2027-03-30', '2027-03-30', 0, true)],
  ['pending over the anniversary keeps the card from lapsing', END, [pending('2027-03-25')], '2027-03-31', standing('pending', '2027-02-28', '2027-03-30', '2028-03-30', 0, true)],
  [
    'pending over the anniversary, then refused: lapses that day',
    END,
    [rejected('2027-03-25', '2027-04-08')],
    '2027-04-08',
    standing('lapsed', '2027-04-08', null, '2027-04-07', 0, true),
  ],
  [
    'pending over the anniversary, then withdrawn: lapses that day',
    END,
    [withdrawn('2027-03-25', '2027-04-02')],
    '2027-04-05',
    standing('lapsed', '2027-04-02', null, '2027-04-01', 0, true),
  ],
  [
    'refused after the anniversary, the next one is late',
    END,
    [rejected('2027-03-25', '2027-04-08'), approved('2027-04-09', '2027-04-15')],
    '2027-04-15',
    standing('not_due', '2028-03-15', '2028-04-14', '2028-04-14', 0, 'later'),
  ],
  [
    'pending over the anniversary, then approved: the years go on',
    END,
    [approved('2027-03-25', '2027-04-03')],
    '2027-04-03',
    standing('not_due', '2028-02-29', '2028-03-30', '2028-03-30', 1, 'later'),
  ],
  [
    'refused within the window: the window stays open',
    END,
    [rejected('2027-03-01', '2027-03-10')],
    '2027-03-10',
    standing('window_open', '2027-02-28', '2027-03-30', '2027-03-30', 0, true),
  ],
  [
    'refused within the window: lapses on the anniversary',
    END,
    [rejected('2027-03-01', '2027-03-10')],
    '2027-03-31',
    standing('lapsed', '2027-03-31', null, '2027-03-30', 0, true),
  ],

  // Two on-time years: 0 → 1 → 2
  [
    'on time, approved before the anniversary: year 0 still',
    END,
    [approved('2027-03-01', '2027-03-05')],
    '2027-03-05',
    standing('not_due', '2028-02-29', '2028-03-30', '2028-03-30', 0, 'later'),
  ],
  ['on time: year 1 on the anniversary', END, [approved('2027-03-01', '2027-03-05')], '2027-03-31', standing('not_due', '2028-02-29', '2028-03-30', '2028-03-30', 1, 'later')],
  [
    'on time twice: year 2 on the second anniversary',
    END,
    [approved('2027-03-01', '2027-03-05'), approved('2028-03-10', '2028-03-12')],
    '2028-03-31',
    standing('not_due', '2029-02-28', '2029-03-30', '2029-03-30', 2, 'later'),
  ],

  // Replacements and lost cards
  [
    'a replacement keeps the base date and the years',
    [card('2026-03-31', true), card('2027-06-10')],
    [approved('2027-03-01', '2027-03-05')],
    '2027-06-10',
    standing('not_due', '2028-02-29', '2028-03-30', '2028-03-30', 1, 'later'),
  ],
  [
    'a replacement opens the window of the card it replaces',
    [card('2026-03-31', true), card('2026-12-01')],
    [],
    '2027-02-28',
    standing('window_open', '2027-02-28', '2027-03-30', '2027-03-30', 0, true),
  ],
  ['a lost card cannot be endorsed in its window', [card('2026-03-31', true)], [], '2027-03-01', standing('window_open', '2027-02-28', '2027-03-30', '2027-03-30', 0, 'never')],
  ['a lost card cannot be endorsed after a lapse', [card('2026-03-31', true)], [], '2027-04-01', standing('lapsed', '2027-03-31', null, '2027-03-30', 0, 'never')],
];

describe('the endorsement of a collected card', () => {
  it.each(rows)('%s', (_name, cards, endorsements, today, expected) => {
    expect(endorsementStanding({ cards, endorsements, today })).toEqual(expected);
  });

  it('ignores the order the applications come in', () => {
    const endorsements = [approved('2028-03-10', '2028-03-12'), approved('2027-03-01', '2027-03-05')];
    expect(endorsementStanding({ cards: END, endorsements, today: '2028-03-31' }).yearsOfResidence).toBe(2);
  });

  it('needs a card', () => {
    expect(() => endorsementStanding({ cards: [], endorsements: [], today: '2027-01-01' })).toThrow(RangeError);
  });
});

describe('the overview of a collected card', () => {
  const at = (date: string) => Date.parse(`${date}T10:00:00+08:00`);
  const declaration: HistoryItem = { id: 'd1', kind: 'declaration', status: 'approved', submittedAt: at('2026-03-01'), declaredOn: '2026-03-01' };
  const permit: HistoryItem = { id: 'p1', kind: 'permit', status: 'collected', submittedAt: at('2026-03-20'), issuedOn: '2026-03-31' };
  const lost: HistoryItem = { ...permit, reportedLostOn: '2027-01-10' };
  const replacement = (status: HistoryItem['status']): HistoryItem => ({
    id: 'r1',
    kind: 'reissue',
    status,
    submittedAt: at('2027-01-10'),
    ...(status === 'collected' ? { issuedOn: '2027-01-20' } : {}),
  });

  it('closes the endorsement of a lost card until its replacement is collected, which keeps the base date', () => {
    const waiting = overviewOf([declaration, lost, replacement('ready')], '2027-03-01', 20);
    expect(waiting.services.endorse).toEqual({ open: false, reason: '居住证已挂失，补领后可办理签注', fee: 0 });
    expect(waiting.card).toEqual({ id: 'r1', kind: 'reissue', status: 'ready' });

    const replaced = overviewOf([declaration, lost, replacement('collected')], '2027-03-01', 20);
    expect(replaced.services.endorse).toEqual({ open: true, fee: 0 });
    expect(replaced.card).toMatchObject({ id: 'r1', issuedOn: '2027-01-20', validUntil: '2027-03-30', endorsement: { status: 'window_open', opensOn: '2027-02-28' } });
  });

  it('needs an approved declaration, as the later services do', () => {
    const o = overviewOf([{ ...declaration, status: 'withdrawn' }, permit], '2027-03-01', 20);
    expect(o.services.endorse).toMatchObject({ open: false, reason: '需先完成居住信息申报并审核通过' });
  });
});
