// What a person may apply for today, derived from their own applications. The overview, the entries
// on the home page and (later) the apply handlers all ask this one function.
import type { ApplicationKind, Overview, ServiceState, Status } from './contract';
import { isPending } from './states';
import { daysUntil, permitOpensOnFor } from './rules';

export interface HistoryItem {
  id: string;
  kind: ApplicationKind;
  status: Status;
  submittedAt: number;
  declaredOn?: string;
  issuedOn?: string;
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
  const firstApproved = history
    .filter(wasApproved)
    .sort((a, b) => a.submittedAt - b.submittedAt)[0];
  const from = firstApproved && firstApproved.submittedAt <= declaration.submittedAt ? firstApproved : declaration;
  return permitOpensOnFor(from.declaredOn as string);
}

export function overviewOf(history: HistoryItem[], today: string): Overview {
  const items = newestFirst(history);
  const declarations = items.filter((i) => i.kind === 'declaration');
  const latest = declarations.find((d) => d.status !== 'withdrawn') ?? null;
  const approved = declarations.find((d) => d.status === 'approved') ?? null;
  const cards = items.filter((i) => i.kind === 'permit' || i.kind === 'reissue');
  const card = cards[0] ?? null;
  const pendingOf = (kind: ApplicationKind) => items.some((i) => i.kind === kind && isPending(i.status));

  const opensOn = approved ? permitOpensOnOf(approved, history) : undefined;
  const holdsPermit = cards.some((c) => HELD.includes(c.status));
  const holdsCollected = cards.some((c) => c.status === 'collected');

  const declare: ServiceState = pendingOf('declaration')
    ? { open: false, reason: '您有一份居住信息申报正在办理中' }
    : { open: true };

  let permit: ServiceState;
  if (!approved) permit = { open: false, reason: '需先完成居住信息申报并审核通过' };
  else if (holdsPermit) permit = { open: false, reason: '您已持有居住证，如需补领或换领请选择“居住证补领/换领”' };
  else if (pendingOf('permit')) permit = { open: false, reason: '您有一份居住证申请正在办理中' };
  else if (today < (opensOn as string)) {
    permit = { open: false, reason: `居住满六个月后可申领，还需 ${daysUntil(today, opensOn as string)} 天`, opensOn };
  } else permit = { open: true };

  let voucher: ServiceState;
  if (!approved) voucher = { open: false, reason: '需先完成居住信息申报并审核通过' };
  else if (today >= (opensOn as string)) voucher = { open: false, reason: '您已居住满六个月，可直接申领居住证' };
  else if (pendingOf('voucher')) voucher = { open: false, reason: '您有一份居住登记凭证申请正在办理中' };
  else voucher = { open: true };

  let reissue: ServiceState;
  if (!holdsCollected) reissue = { open: false, reason: '领取居住证后可办理补领或换领' };
  else if (pendingOf('reissue')) reissue = { open: false, reason: '您有一份补领/换领申请正在办理中' };
  else reissue = { open: true };

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
    permit: card ? { id: card.id, kind: card.kind, status: card.status, ...(card.issuedOn ? { issuedOn: card.issuedOn } : {}) } : null,
    services: { declare, permit, voucher, reissue },
  };
}
