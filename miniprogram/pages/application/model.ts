// One application as its owner reads it: where it stands, its dates, what was submitted, and its timeline.
import type { ApplicationDetail, ApplicationKind, Status, TimelineEntry } from '../../domain/contract';
import { correctionLine, latestRequest, refusalReasons } from '../../domain/corrections';
import { DUE_LABEL, KIND_LABELS, PROVISIONAL_NOTE, STATUS_LABELS } from '../../domain/labels';
import { UNCONFIRMED, pickupAddressFor } from '../../domain/pickupPlaces';
import { isPending } from '../../domain/states';
import { cardRows, materialRows, personRows, residenceRows, type ResolveUrl, type Row } from '../../utils/applicationRows';
import { longDate, longDateTime } from '../../utils/format';
import { pickupQrDataUrl } from '../../utils/pickupQr';

export interface DetailModel {
  /** The kind of application: 重新申请 opens its flow. */
  service: ApplicationKind;
  title: string;
  status: string;
  statusNote: string;
  facts: Row[];
  person: Row[];
  residence: Row[];
  materials: { label: string; urls: string[] }[];
  steps: { text: string; desc: string }[];
  canWithdraw: boolean;
  /** The latest correction request's items while the application waits for them. */
  corrections: string[];
  /** A refused application's reasons, the latest refusal's, shown first; empty otherwise. */
  rejection: string[];
  /** A refused application can be applied for again: the same service's flow. */
  canReapply: boolean;
  /** Where and how to collect a ready card; unknown details say to follow the counter's notice. */
  pickup: null | {
    code: string;
    /** The code alone as a QR image (a data URL), for the counter's scanner. */
    qr: string;
    rows: Row[];
    phone: string;
    location: { latitude: number; longitude: number; name: string; address: string } | null;
  };
}

function pickupOf(app: ApplicationDetail): DetailModel['pickup'] {
  const p = app.pickup;
  if (!p) return null;
  return {
    code: p.pickupCode,
    qr: pickupQrDataUrl(p.pickupCode),
    rows: [
      { label: '领取地点', value: p.place },
      // A county's station is the one of the resident's street: the page says how to find it, not a guess.
      { label: '地址', value: pickupAddressFor(app.district) },
      { label: '办公时间', value: p.hours ?? UNCONFIRMED },
      { label: '咨询电话', value: p.phone ?? UNCONFIRMED },
    ],
    phone: p.phone ?? '',
    location: p.location ? { ...p.location, name: p.place, address: p.address } : null,
  };
}

/** What a collected kind makes: a voucher, or else a permit. */
function cardName(kind: ApplicationKind): string {
  return kind === 'voucher' ? '居住登记凭证' : '居住证';
}

function statusNote(app: ApplicationDetail): string {
  switch (app.status) {
    case 'pending':
      return app.overdue ? `已超过${DUE_LABEL}（${longDate(app.dueOn)}），可到办理窗口询问` : `公安机关将在${longDate(app.dueOn)}前完成审核`;
    case 'correction_requested':
      return '请按下方列出的事项补正后重新提交';
    case 'approved':
      if (app.kind === 'declaration') return '申报已通过，居住时间从申报之日起计算';
      return app.kind === 'endorsement' ? '签注已通过，居住证继续有效，有效期见首页' : `审核已通过，${cardName(app.kind)}制作中`;
    case 'ready':
      return `${cardName(app.kind)}已制作完成，请本人到现场领取`;
    case 'rejected':
      return '请按下列原因修改后重新申请';
    case 'withdrawn':
      return '您已撤回这件办件';
    default:
      return '';
  }
}

function stepText(entry: TimelineEntry, index: number): string {
  if (entry.status === 'pending') return index === 0 ? '已提交' : '已重新提交';
  return STATUS_LABELS[entry.status];
}

/** Notes the server writes that only say again what the step already says. */
const REPEATED_NOTES: Partial<Record<Status, readonly string[]>> = {
  approved: ['审核通过'],
  withdrawn: ['申请人撤回', '本人已撤回'],
  superseded: ['已由新的申报取代'],
};

function repeatsStep(entry: TimelineEntry, text: string): boolean {
  return entry.note === text || (REPEATED_NOTES[entry.status]?.includes(entry.note ?? '') ?? false);
}

function stepDesc(entry: TimelineEntry, text: string): string {
  const lines = [longDateTime(entry.at)];
  if (entry.note && !repeatsStep(entry, text)) lines.push(entry.note);
  for (const item of entry.items ?? []) lines.push(`· ${correctionLine(item)}`);
  for (const reason of entry.reasons ?? []) lines.push(`· ${reason}`);
  return lines.join('\n');
}

export function detailModel(app: ApplicationDetail, resolveUrl: ResolveUrl): DetailModel {
  const facts: Row[] = [{ label: '提交时间', value: longDateTime(app.submittedAt) }];
  if (app.declaredOn) facts.push({ label: '申报日期', value: longDate(app.declaredOn) });
  // A provisional date holds only while the declaration can still be approved.
  if (app.permitOpensOn && (!app.permitOpensOnProvisional || isPending(app.status))) {
    facts.push({ label: '可申领居住证', value: longDate(app.permitOpensOn), note: app.permitOpensOnProvisional ? PROVISIONAL_NOTE : '' });
  }
  if (isPending(app.status)) facts.push({ label: DUE_LABEL, value: `${longDate(app.dueOn)}前` });
  facts.push(...cardRows(app));
  const { applicant: a, residence: r } = app;
  return {
    service: app.kind,
    title: KIND_LABELS[app.kind],
    status: STATUS_LABELS[app.status],
    statusNote: statusNote(app),
    facts,
    person: personRows(a, a.idNumberMasked),
    residence: residenceRows(r),
    materials: materialRows(app.materials, resolveUrl),
    steps: app.timeline.map((entry, index) => {
      const text = stepText(entry, index);
      return { text, desc: stepDesc(entry, text) };
    }),
    canWithdraw: isPending(app.status),
    rejection: refusalReasons(app),
    canReapply: app.status === 'rejected',
    pickup: pickupOf(app),
    corrections: app.status === 'correction_requested' ? latestRequest(app.timeline).map(correctionLine) : [],
  };
}
