// The home page's view of an overview: every label and flag the WXML shows, computed here, and the
// conditions, materials and pickup it explains, built from the domain's own rules.
import { RESIDENCE_KINDS, type ApplicationKind, type Overview, type ServiceState } from '../../domain/contract';
import { KIND_LABELS, PROVISIONAL_NOTE, RESIDENCE_KIND_LABELS, STATUS_LABELS } from '../../domain/labels';
import { MATERIAL_HINTS, MATERIAL_LABELS, MAX_PROOFS, needsRelationStatement, PROOF_HINTS } from '../../domain/materials';
import { FEE_WARNING, PERMIT_CONDITIONS } from '../../domain/notices';
import { IN_PERSON, pickupGroups } from '../../domain/pickupPlaces';
import { daysBetween } from '../../domain/dates';
import { feeText, longDate } from '../../utils/format';
import type { NotificationEvent } from '../../domain/notifications';

export interface ServiceEntry {
  service: ApplicationKind;
  title: string;
  open: boolean;
  /** Under the title: why a closed entry is closed and when it opens; for an open one only what the tag does not say (the fee), else nothing. */
  note: string;
  tag: string;
  /** The row read aloud: its title, tag and note. */
  ariaLabel: string;
}

export interface Standing {
  declared: boolean;
  statusLabel: string;
  declaredOn: string;
  /** An unapproved declaration that was refused opens nothing: no date to show. */
  showPermitDate: boolean;
  permitOpensOn: string;
  permitNote: string;
  daysLeft: string;
  permitLabel: string;
  /** A collected card's yearly validity (签注); null before a card is collected. */
  validity: Validity | null;
}

/** What a held card's yearly endorsement means today: valid until when, the years counted, the next window. */
export interface Validity {
  validUntil: string;
  /** True once the card has lapsed: it is not valid until endorsed. */
  lapsed: boolean;
  /** Said plainly when lapsed; otherwise empty. */
  lapseNote: string;
  years: string;
  windowTitle: string;
  /** The window's dates (shown under its title, where a long range has room). */
  window: string;
  /** Where it stands: the days until it opens or left in it, or under review. */
  windowNote: string;
}

/** What home explains to everyone: each a list of paragraphs the WXML loops over. */
export interface Guide {
  feeWarning: string;
  conditions: string[];
  materials: string[];
  pickup: string[];
}

export interface HomeModel {
  standing: Standing;
  nextStep: string;
  services: ServiceEntry[];
  /** The staff console's entry shows only to staff, as the server's records say. */
  isStaff: boolean;
  /** An offer to be reminded of the next date that matters (the permit opening, the endorsement's window), or null. */
  reminder: Reminder | null;
}

/** A reminder offered on home: its button's text, and the events the subscription prompt asks for. */
export interface Reminder {
  text: string;
  events: NotificationEvent[];
}

/**
 * Offered while an approved declaration waits for its six months and no permit is pending or held: exactly when the
 * server would send permit_open (api.md), so the offer never asks for a message that cannot come.
 */
export function permitReminderOf(o: Overview): string {
  const d = o.declaration;
  if (!o.approvedDeclarationId || o.services.permit.open || o.permit || !d?.permitOpensOn) return '';
  return `${longDate(d.permitOpensOn)}可申领时提醒我`;
}

/**
 * Offered while a held card can be endorsed and its window is ahead or open: the dated reminders the
 * scheduler sends for it (a government service may use long-term templates for these).
 */
export function endorsementReminderOf(o: Overview): Reminder | null {
  const e = o.card?.status === 'collected' && !o.card.reportedLostOn ? o.card.endorsement : undefined;
  if (e?.status === 'not_due') return { text: `${longDate(e.opensOn)}签注期开始时提醒我`, events: ['endorsement_window_open', 'endorsement_closing', 'endorsement_lapsed'] };
  if (e?.status === 'window_open') return { text: '签注截止前提醒我', events: ['endorsement_closing', 'endorsement_lapsed'] };
  return null;
}

function reminderOf(o: Overview): Reminder | null {
  const permit = permitReminderOf(o);
  return permit ? { text: permit, events: ['permit_open'] } : endorsementReminderOf(o);
}

/** 申领条件, numbered. */
function conditionLines(): string[] {
  return PERMIT_CONDITIONS.map((text, i) => `${i + 1}. ${text}`);
}

/** 所需材料: the ID front, each kind of residence's proof, the relation statement, then the counts. */
function materialLines(): string[] {
  const needStatement = RESIDENCE_KINDS.filter(needsRelationStatement).map((k) => RESIDENCE_KIND_LABELS[k]);
  return [
    `${MATERIAL_LABELS.idFront}：${MATERIAL_HINTS.idFront}。`,
    ...RESIDENCE_KINDS.map((kind) => `${RESIDENCE_KIND_LABELS[kind]}：${PROOF_HINTS[kind]}。`),
    `${needStatement.join('、')}：另附${MATERIAL_HINTS.relationStatement}（${MATERIAL_LABELS.relationStatement}）。`,
    `${MATERIAL_LABELS.proofs}照片每次最多 ${MAX_PROOFS} 张，${MATERIAL_LABELS.idFront}和${MATERIAL_LABELS.relationStatement}不计入；申领居住证时另需${MATERIAL_LABELS.photo}（${MATERIAL_HINTS.photo}）。`,
  ].map((line) => `· ${line}`);
}

/** 领取方式: in person, and where each group of districts collects. */
function pickupLines(): string[] {
  const where = pickupGroups().map((g) => `${g.districts.map((d) => d.name).join('、')}：${g.place}`);
  return [`${IN_PERSON}。${where.join('；')}。`];
}

/** The same for every person, and shown before the overview has loaded: computed once. */
export const HOME_GUIDE: Guide = { feeWarning: FEE_WARNING, conditions: conditionLines(), materials: materialLines(), pickup: pickupLines() };

/** The declaration's entry once one is approved: it is what a person who moved uses, which its name alone does not say. */
export const MOVED_NOTE = '搬家了请重新申报，已填过的信息会自动带出';

function entry(service: ServiceEntry['service'], state: ServiceState, openNote = ''): ServiceEntry {
  // The tag already says 可办理: an open entry's note says only what it costs, when it costs something.
  const open = state.fee > 0 ? `证件工本费 ${feeText(state.fee)}` : openNote;
  const note = state.open ? open : [state.reason, state.opensOn ? `${longDate(state.opensOn)}起可办理` : ''].filter(Boolean).join('；');
  const title = KIND_LABELS[service];
  const tag = state.open ? '可办理' : '暂不可办';
  return { service, title, open: state.open, note, tag, ariaLabel: [title, tag, note].filter(Boolean).join('，') };
}

function nextStepOf(o: Overview): string {
  const d = o.declaration;
  if (d?.status === 'correction_requested') return '您的申报需要补正材料，请到“我的办件”查看需补正的事项并重新提交。';
  // Until a declaration is approved, the newest one decides; after that, the approved one counts.
  if (!o.approvedDeclarationId) {
    if (d?.status === 'pending') return '您的居住信息申报正在审核中，审核结果会通过服务通知告诉您。';
    return '第一步：申报居住信息。申报经审核通过后，满六个月即可申领居住证。';
  }
  if (o.services.permit.open) return '您已居住满六个月，现在可以申领居住证。';
  if (o.card?.reportedLostOn && o.card.status === 'collected') return '您的居住证已登记挂失，可以办理遗失补领。';
  const endorsement = o.card?.endorsement?.status;
  if (endorsement === 'lapsed') return '您的居住证已过签注期，已暂停使用：请尽快办理签注，办理后恢复使用，连续居住年限重新计算。';
  if (endorsement === 'window_open') return `您的居住证已进入签注期，最后一天为${longDate(o.card?.endorsement?.closesOn ?? o.today)}，请及时办理签注。`;
  if (o.card) return `您的居住证：${permitLabelOf(o)}。`;
  return `还需 ${d?.daysUntilPermit ?? 0} 天即可申领居住证；在此之前如需证明居住情况，可申领居住登记凭证。`;
}

/** 2028年2月1日至2月29日: the year said once when both days share it, so the range fits beside its title. */
function dateRange(from: string, to: string): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${longDate(from)}至${sameYear ? longDate(to).slice(5) : longDate(to)}`;
}

/** The card's validity as home shows it, from the overview's endorsement fields (api.md: the yearly endorsement). */
export function validityOf(card: Overview['card'], today: string): Validity | null {
  if (!card?.validUntil || !card.endorsement) return null;
  const { status, opensOn, closesOn } = card.endorsement;
  const years = `${card.yearsOfResidence ?? 0} 年`;
  if (status === 'lapsed') {
    return {
      validUntil: longDate(card.validUntil),
      lapsed: true,
      lapseNote: `未按时签注，居住证自${longDate(opensOn)}起暂停使用；办理签注后恢复，连续居住年限重新计算`,
      years,
      windowTitle: '签注',
      window: '',
      windowNote: '现在可以办理',
    };
  }
  const window = closesOn ? dateRange(opensOn, closesOn) : longDate(opensOn);
  const windowNote =
    status === 'pending' ? '审核中' : status === 'window_open' && closesOn ? `还剩 ${daysBetween(today, closesOn) + 1} 天` : `${daysBetween(today, opensOn)} 天后开始`;
  return { validUntil: longDate(card.validUntil), lapsed: false, lapseNote: '', years, windowTitle: status === 'not_due' ? '下次签注' : '本次签注', window, windowNote };
}

/** The held card was reported lost and its replacement is under way: the overview names the replacement, and the loss's date. */
function lostWhileReplaced(o: Overview): boolean {
  return o.card?.replacesLostOn !== undefined;
}

function permitLabelOf(o: Overview): string {
  const card = o.card;
  if (!card) return '未持有';
  if (card.reportedLostOn && card.status === 'collected') return '已挂失';
  // From the moment a replacement for a lost card is submitted, the old card is lost: said first.
  if (lostWhileReplaced(o)) return `已挂失，补领${STATUS_LABELS[card.status]}`;
  return card.kind === 'reissue' ? `补领/换领${STATUS_LABELS[card.status]}` : STATUS_LABELS[card.status];
}

export function homeModel(o: Overview): HomeModel {
  const d = o.declaration;
  const standing: Standing = d
    ? {
        declared: true,
        statusLabel: STATUS_LABELS[d.status],
        declaredOn: longDate(d.declaredOn),
        showPermitDate: d.status !== 'rejected' || o.approvedDeclarationId !== null,
        permitOpensOn: longDate(d.permitOpensOn),
        permitNote: d.permitOpensOnProvisional ? PROVISIONAL_NOTE : '',
        daysLeft: d.daysUntilPermit > 0 ? `${d.daysUntilPermit} 天` : '已满六个月',
        permitLabel: permitLabelOf(o),
        validity: validityOf(o.card, o.today),
      }
    : {
        declared: false,
        statusLabel: '',
        declaredOn: '',
        showPermitDate: false,
        permitOpensOn: '',
        permitNote: '',
        daysLeft: '',
        permitLabel: permitLabelOf(o),
        validity: validityOf(o.card, o.today),
      };
  return {
    standing,
    nextStep: nextStepOf(o),
    isStaff: o.isStaff === true,
    reminder: reminderOf(o),
    services: [
      entry('declaration', o.services.declare, o.approvedDeclarationId ? MOVED_NOTE : ''),
      entry('permit', o.services.permit),
      entry('voucher', o.services.voucher),
      entry('reissue', o.services.reissue),
      entry('endorsement', o.services.endorse),
    ],
  };
}
