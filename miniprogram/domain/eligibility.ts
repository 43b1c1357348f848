// What a person may apply for today, derived from their own applications. The overview, the entries
// on the home page and (later) the apply handlers all ask this one function.
import { isCard, type ApplicationKind, type CardSummary, type Overview, type ServiceState, type Status } from './contract';
import { chinaDate } from './dates';
import { endorsementStanding, type EndorsementRecord, type EndorsementStanding } from './endorsement';
import { isPending } from './states';
import { daysUntil, permitOpensOnFor } from './rules';

export interface HistoryItem {
  id: string;
  kind: ApplicationKind;
  status: Status;
  submittedAt: number;
  declaredOn?: string;
  issuedOn?: string;
  /** A card its holder reported lost: the China-time date. */
  reportedLostOn?: string;
  /** A settled endorsement (approved, refused or withdrawn): the China-time date it was settled. */
  decidedOn?: string;
}

const HELD: readonly Status[] = ['approved', 'ready', 'collected'];

function newestFirst(items: HistoryItem[]): HistoryItem[] {
  return [...items].sort((a, b) => b.submittedAt - a.submittedAt || (a.id < b.id ? 1 : -1));
}

/** A declaration that was approved at some point (a superseded one was approved before it was replaced). */
export function wasApproved(item: HistoryItem): boolean {
  return item.kind === 'declaration' && (item.status === 'approved' || item.status === 'superseded');
}

/**
 * The date the permit opens for this declaration: six months after the first approved declaration,
 * or after this one when none was approved before it.
 */
export function permitOpensOnOf(declaration: HistoryItem, history: HistoryItem[]): string {
  const firstApproved = history.filter(wasApproved).sort((a, b) => a.submittedAt - b.submittedAt)[0];
  const from = firstApproved && firstApproved.submittedAt <= declaration.submittedAt ? firstApproved : declaration;
  return permitOpensOnFor(from.declaredOn as string);
}

/** Why a person may not apply for a service today: not eligible (with the date it opens, if one will), or already pending. */
export interface Refusal {
  code: 'NOT_ELIGIBLE' | 'CONFLICT';
  reason: string;
  opensOn?: string;
}

/** Why nothing after the declaration is open yet: the later services build on an approved one. */
export const NEEDS_DECLARATION = '需先完成居住信息申报并审核通过';

/**
 * The server's one answer to "may this person apply for `kind` today?" — null when they may. Reasons
 * of eligibility come before a pending application, as the contract orders NOT_ELIGIBLE before CONFLICT.
 */
export function whyNot(kind: ApplicationKind, history: HistoryItem[], today: string): Refusal | null {
  if (kind === 'endorsement') return whyNotEndorse(history, today);
  const items = newestFirst(history);
  const approved = items.find((d) => d.kind === 'declaration' && d.status === 'approved');
  const cards = items.filter((i) => isCard(i.kind));
  const opensOn = approved ? permitOpensOnOf(approved, history) : undefined;
  const notEligible = (reason: string, date?: string): Refusal => ({ code: 'NOT_ELIGIBLE', reason, ...(date ? { opensOn: date } : {}) });

  if (kind === 'permit') {
    if (!approved || !opensOn) return notEligible(NEEDS_DECLARATION);
    if (cards.some((c) => HELD.includes(c.status))) return notEligible('您已持有居住证，如需补领或换领请选择“居住证补领/换领”');
    if (today < opensOn) return notEligible(`居住满六个月后可申领，还需 ${daysUntil(today, opensOn)} 天`, opensOn);
  } else if (kind === 'voucher') {
    if (!approved || !opensOn) return notEligible(NEEDS_DECLARATION);
    if (today >= opensOn) return notEligible('您已居住满六个月，可直接申领居住证');
  } else if (kind === 'reissue') {
    if (!cards.some((c) => c.status === 'collected')) return notEligible('领取居住证后可办理补领或换领');
    if (cards.some((c) => c.status === 'approved' || c.status === 'ready')) return notEligible('新证正在制作或等待领取，领取后可再办理补领或换领');
    // Identity and address come from the approved declaration, for a replacement as for a permit.
    if (!approved) return notEligible(NEEDS_DECLARATION);
  }
  if (items.some((i) => i.kind === kind && isPending(i.status))) {
    return { code: 'CONFLICT', reason: `您已有一件${PENDING_NAMES[kind]}正在办理` };
  }
  return null;
}

const PENDING_NAMES: Readonly<Record<ApplicationKind, string>> = {
  declaration: '居住信息申报',
  permit: '居住证申领',
  voucher: '居住登记凭证申领',
  reissue: '补领/换领',
  endorsement: '签注',
};

/** The collected cards, oldest first: a replacement keeps the base date and the years of the card it replaces. */
function collectedCards(history: HistoryItem[]): (HistoryItem & { issuedOn: string })[] {
  return history
    .filter((i): i is HistoryItem & { issuedOn: string } => isCard(i.kind) && i.status === 'collected' && i.issuedOn !== undefined)
    .sort((a, b) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : 1));
}

/** The validity and endorsement window of the newest collected card; null without one. */
export function endorsementOf(history: HistoryItem[], today: string): EndorsementStanding | null {
  const cards = collectedCards(history);
  if (cards.length === 0) return null;
  const chain = cards.map((c) => ({ issuedOn: c.issuedOn, ...(c.reportedLostOn ? { lost: true } : {}) }));
  return endorsementStanding({ cards: chain, endorsements: endorsementsIn(history), today });
}

/** The person's endorsement applications as the endorsement's dates read them: when each was applied for and settled. */
function endorsementsIn(history: HistoryItem[]): EndorsementRecord[] {
  return history.flatMap((i): EndorsementRecord[] => {
    if (i.kind !== 'endorsement') return [];
    const submittedOn = chinaDate(i.submittedAt);
    if (i.status === 'pending' || i.status === 'correction_requested') return [{ status: i.status, submittedOn }];
    if ((i.status === 'approved' || i.status === 'rejected' || i.status === 'withdrawn') && i.decidedOn) return [{ status: i.status, submittedOn, decidedOn: i.decidedOn }];
    return [];
  });
}

export const NEEDS_CARD_FOR_ENDORSEMENT = '领取居住证后可办理签注';

/** May this person apply for the endorsement today? null when they may; the same order of reasons as `whyNot`. */
export function whyNotEndorse(history: HistoryItem[], today: string): Refusal | null {
  const standing = endorsementOf(history, today);
  if (!standing) return { code: 'NOT_ELIGIBLE', reason: NEEDS_CARD_FOR_ENDORSEMENT };
  const cards = collectedCards(history);
  if (cards[cards.length - 1].reportedLostOn) return { code: 'NOT_ELIGIBLE', reason: '居住证已挂失，补领后可办理签注' };
  if (!history.some((d) => d.kind === 'declaration' && d.status === 'approved')) return { code: 'NOT_ELIGIBLE', reason: NEEDS_DECLARATION };
  if (!standing.canApply) {
    const opensOn = standing.opensOn as string;
    return { code: 'NOT_ELIGIBLE', reason: `签注期为每个发证周年日前一个月内，还需 ${daysUntil(today, opensOn)} 天`, opensOn };
  }
  // A late endorsement under review leaves the card lapsed, yet a second one is still a duplicate.
  if (history.some((i) => i.kind === 'endorsement' && isPending(i.status))) return { code: 'CONFLICT', reason: `您已有一件${PENDING_NAMES.endorsement}正在办理` };
  return null;
}

/** What applying for `kind` costs, in yuan: only a replacement or renewal pays the card fee the city sets. */
export function feeOf(kind: ApplicationKind, cardFee: number): number {
  return kind === 'reissue' ? cardFee : 0;
}

function serviceState(refusal: Refusal | null, fee: number): ServiceState {
  return refusal ? { open: false, reason: refusal.reason, ...(refusal.opensOn ? { opensOn: refusal.opensOn } : {}), fee } : { open: true, fee };
}

/** The overview's `card` (see its type). */
function cardOf(newestFirstItems: HistoryItem[]): HistoryItem | undefined {
  const cards = newestFirstItems.filter((i) => isCard(i.kind) && i.status !== 'withdrawn');
  return cards.find((c) => isPending(c.status)) ?? cards.find((c) => HELD.includes(c.status)) ?? cards[0];
}

/** `standing` describes the newest collected card, which is the only collected one the overview can name. */
function cardSummary(item: HistoryItem | undefined, standing: EndorsementStanding | null): CardSummary | null {
  if (!item) return null;
  const { id, kind, status, issuedOn, reportedLostOn } = item;
  const summary: CardSummary = { id, kind, status, ...(issuedOn ? { issuedOn } : {}), ...(reportedLostOn ? { reportedLostOn } : {}) };
  if (status !== 'collected' || !issuedOn || !standing) return summary;
  return { ...summary, validUntil: standing.validUntil, yearsOfResidence: standing.yearsOfResidence, endorsement: standing.endorsement };
}

/** A replacement under way says which lost card it replaces, so the loss shows from the day it was reported. */
function withLostCard(summary: CardSummary | null, newestFirstItems: HistoryItem[]): CardSummary | null {
  if (!summary || summary.kind !== 'reissue' || !isPending(summary.status)) return summary;
  const lost = newestFirstItems.find((i) => isCard(i.kind) && i.id !== summary.id && i.reportedLostOn);
  return lost?.reportedLostOn ? { ...summary, replacesLostOn: lost.reportedLostOn } : summary;
}

export function overviewOf(history: HistoryItem[], today: string, cardFee: number): Overview {
  const items = newestFirst(history);
  const declarations = items.filter((i) => i.kind === 'declaration');
  const latest = declarations.find((d) => d.status !== 'withdrawn') ?? null;
  const state = (kind: ApplicationKind) => serviceState(whyNot(kind, history, today), feeOf(kind, cardFee));
  const [declare, permit, voucher, reissue] = (['declaration', 'permit', 'voucher', 'reissue'] as const).map(state);
  const standing = endorsementOf(history, today);

  return {
    today,
    declaration: latest
      ? {
          id: latest.id,
          status: latest.status,
          declaredOn: latest.declaredOn as string,
          permitOpensOn: permitOpensOnOf(latest, history),
          permitOpensOnProvisional: !declarations.some(wasApproved),
          daysUntilPermit: daysUntil(today, permitOpensOnOf(latest, history)),
        }
      : null,
    permit: cardSummary(
      items.find((i) => isCard(i.kind)),
      standing,
    ),
    card: withLostCard(cardSummary(cardOf(items), standing), items),
    approvedDeclarationId: items.find((d) => d.kind === 'declaration' && d.status === 'approved')?.id ?? null,
    services: { declare, permit, voucher, reissue, endorse: serviceState(whyNotEndorse(history, today), 0) },
  };
}
