// The yearly endorsement (签注) of a collected card: its validity, the years of residence and the window, as dates.
import type { CardEndorsement } from './contract';
import { addDays, addMonths } from './dates';

export type { EndorsementStatus } from './contract';

/** One endorsement application of the person, with China-time dates ('YYYY-MM-DD'). */
export type EndorsementRecord =
  | { status: 'pending' | 'correction_requested'; submittedOn: string }
  /** `decidedOn`: the day it was approved, refused or withdrawn. */
  | { status: 'approved' | 'rejected' | 'withdrawn'; submittedOn: string; decidedOn: string };

/** A collected card: the permit, then each replacement, oldest first. */
export interface CollectedCard {
  /** The China-time date the card was approved. */
  issuedOn: string;
  /** Its holder reported it lost. */
  lost?: boolean;
}

export interface EndorsementInput {
  /** At least one: a replacement keeps the base date and the years of the card it replaces, so the first one sets them. */
  cards: CollectedCard[];
  endorsements: EndorsementRecord[];
  today: string;
}

export interface EndorsementStanding {
  /** The last valid day. */
  validUntil: string;
  /** Anniversaries passed since the current base date, every window kept. */
  yearsOfResidence: number;
  /** The current or next window; while lapsed, `opensOn` is the day the card lapsed and `closesOn` is null. */
  endorsement: CardEndorsement;
  /**
   * The dates and the card allow an endorsement now: within the window, after a lapse, or while the
   * one applied for is still pending (a second one is then a conflict, not a matter of dates).
   */
  canApply: boolean;
  /** When `canApply` is false and a window will open it. */
  opensOn?: string;
}

/** The k-th anniversary, from the base directly: adding whole years only ever clamps 29 February, and only in a year without one. */
export function anniversary(base: string, k: number): string {
  return addMonths(base, 12 * k);
}

/** The k-th window, both days inclusive: one calendar month before the anniversary (month ends clamp) to the day before it. */
export function windowOf(base: string, k: number): { opensOn: string; closesOn: string } {
  const due = anniversary(base, k);
  return { opensOn: addMonths(due, -1), closesOn: addDays(due, -1) };
}

const isPendingRecord = (e: EndorsementRecord) => e.status === 'pending' || e.status === 'correction_requested';

export function endorsementStanding({ cards, endorsements, today }: EndorsementInput): EndorsementStanding {
  if (cards.length === 0) throw new RangeError('an endorsement needs a collected card');
  const lost = cards[cards.length - 1].lost === true;
  const records = [...endorsements].sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));
  const answer = (standing: Omit<EndorsementStanding, 'canApply' | 'opensOn'>, canApply: boolean): EndorsementStanding => {
    // A lost card cannot be endorsed until it is replaced, and no date will change that.
    if (lost) return { ...standing, canApply: false };
    return canApply ? { ...standing, canApply } : { ...standing, canApply, opensOn: standing.endorsement.opensOn };
  };

  let base = cards[0].issuedOn;
  let k = 1;
  for (;;) {
    const due = anniversary(base, k);
    const { opensOn, closesOn } = windowOf(base, k);
    // Years are counted once a window is kept and its anniversary has passed.
    let years = 0;
    for (let j = 1; j < k; j += 1) if (anniversary(base, j) <= today) years += 1;
    const inWindow = records.filter((e) => e.submittedOn >= opensOn && e.submittedOn <= closesOn);

    if (inWindow.some((e) => e.status === 'approved')) {
      k += 1;
      continue;
    }
    const waiting = inWindow.find(isPendingRecord);
    if (waiting) {
      // Applied for in time: the card does not lapse while it is decided, and approval keeps it valid through the next year.
      const validUntil = addDays(today < due ? due : anniversary(base, k + 1), -1);
      return answer({ validUntil, yearsOfResidence: years, endorsement: { status: 'pending', opensOn, closesOn } }, true);
    }
    if (today < opensOn) {
      return answer({ validUntil: addDays(due, -1), yearsOfResidence: years, endorsement: { status: 'not_due', opensOn, closesOn } }, false);
    }
    if (today < due) {
      return answer({ validUntil: addDays(due, -1), yearsOfResidence: years, endorsement: { status: 'window_open', opensOn, closesOn } }, true);
    }

    // No endorsement of the window kept the card: it lapses on the anniversary, or, when one applied for in
    // time was still pending then, on the day that one was refused or withdrawn.
    let lapsedOn = due;
    for (const e of inWindow) if (e.status !== 'approved' && 'decidedOn' in e && e.decidedOn > lapsedOn) lapsedOn = e.decidedOn;
    const late = records.find((e) => e.submittedOn >= due && e.status === 'approved');
    if (late && 'decidedOn' in late) {
      // A late endorsement restores the card from its approval: a new base, and the years start over.
      base = late.decidedOn;
      k = 1;
      continue;
    }
    return answer({ validUntil: addDays(lapsedOn, -1), yearsOfResidence: 0, endorsement: { status: 'lapsed', opensOn: lapsedOn, closesOn: null } }, true);
  }
}
