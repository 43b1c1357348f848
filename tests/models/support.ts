// Small typed builders of the data the pure view models read, fixed China-time instants, and upload items.
import type {
  ApplicantView,
  ApplicationDetail,
  ApplicationView,
  CardSummary,
  FileLink,
  Overview,
  Residence,
  ServiceState,
  StaffApplication,
  StaffQueueItem,
  StaffTimelineEntry,
  Status,
  TimelineEntry,
} from '../../miniprogram/domain/contract';
import { checkDigit, maskIdNumber } from '../../miniprogram/domain/idNumber';
import type { MaterialField, MaterialRequirement } from '../../miniprogram/domain/materials';
import { MATERIAL_LABELS } from '../../miniprogram/domain/materials';
import type { UploadItem } from '../../miniprogram/components/material-uploads/model';

/** The instant a China wall clock shows as `dateTime` ('2026-09-01 09:15'), whatever the process time zone. */
export function china(dateTime: string): number {
  const instant = Date.parse(`${dateTime.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(instant)) throw new RangeError(`not a date and time: ${dateTime}`);
  return instant;
}

/** A valid ID number from its first 17 characters. */
export function idNumberOf(first17: string): string {
  return first17 + checkDigit(first17);
}

/** Born 1990-03-07 in 岳麓区; the 17th digit is odd, so a man. */
export const ID_NUMBER = idNumberOf('43010419900307123');
export const ID_MASKED = maskIdNumber(ID_NUMBER);

/** 岳麓区, an urban district (collects at the city hall), and 浏阳市, a county (its own police station). */
export const YUELU = '430104';
export const LIUYANG = '430181';

export function applicantView(over: Partial<ApplicantView> = {}): ApplicantView {
  return {
    name: '李晓梅',
    idNumberMasked: ID_MASKED,
    birthDate: '1990-03-07',
    sex: 'male',
    ethnicity: '汉族',
    mobile: '13800138000',
    hukouAddress: '湖南省衡阳市蒸湘区红湘路 12 号',
    ...over,
  };
}

export function residence(over: Partial<Residence> = {}): Residence {
  return {
    district: YUELU,
    street: '望月湖街道',
    address: '望月湖小区3栋201',
    since: '2026-05-01',
    kind: 'rent',
    basis: 'residence',
    ...over,
  };
}

/** A file the backend links to: the link names the file, so a test can tell which one a tile shows. */
export function link(fileId: string): FileLink {
  return { fileId, url: `https://files.example/${fileId}` };
}

export function entry(status: Status, at: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { status, at: china(at), ...extra };
}

/** A resident's own application in full, a pending declaration unless told otherwise. */
export function applicationDetail(over: Partial<ApplicationDetail> = {}): ApplicationDetail {
  const { materials: _ids, ...view } = applicationView({ declaredOn: '2026-09-01', permitOpensOn: '2027-03-01', permitOpensOnProvisional: true });
  return {
    ...view,
    materials: { idFront: link('f-id'), proofs: [link('f-p1')] },
    timeline: [entry('pending', '2026-09-01 09:15')],
    ...over,
  };
}

/** A row of 我的办件, a pending declaration unless told otherwise. */
export function applicationView(over: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'app-1',
    kind: 'declaration',
    status: 'pending',
    submittedAt: china('2026-09-01 09:15'),
    updatedAt: china('2026-09-01 09:15'),
    dueOn: '2026-09-16',
    overdue: false,
    district: YUELU,
    applicant: applicantView(),
    residence: residence(),
    consent: { noticeVersion: 'declaration-2026-11', agreedAt: china('2026-09-01 09:10') },
    materials: { idFront: 'f-id', proofs: ['f-p1'] },
    ...over,
  };
}

export function staffEntry(status: Status, at: string, actor: StaffTimelineEntry['actor'], extra: Partial<StaffTimelineEntry> = {}): StaffTimelineEntry {
  return { type: 'status', status, at: china(at), actor, from: null, ...extra };
}

export const OWNER = { role: 'owner' } as const;
export const SYSTEM = { role: 'system' } as const;

/** An application on the review screen, with the whole ID number: a pending declaration unless told otherwise. */
export function staffApplication(over: Partial<StaffApplication> = {}): StaffApplication {
  return {
    id: 'app-1',
    kind: 'declaration',
    status: 'pending',
    submittedAt: china('2026-09-01 10:00'),
    updatedAt: china('2026-09-01 10:00'),
    dueOn: '2026-09-16',
    overdue: false,
    district: YUELU,
    declaredOn: '2026-09-01',
    applicant: { ...applicantView(), idNumber: ID_NUMBER },
    residence: residence(),
    consent: { noticeVersion: 'declaration-2026-11', agreedAt: china('2026-09-01 09:55') },
    materials: { idFront: link('f-id'), proofs: [link('f-p1'), link('f-p2')] },
    timeline: [staffEntry('pending', '2026-09-01 10:00', OWNER)],
    ...over,
  };
}

export function queueItem(over: Partial<StaffQueueItem> = {}): StaffQueueItem {
  return {
    id: 'app-1',
    kind: 'declaration',
    status: 'pending',
    applicantName: '李晓梅',
    idNumberMasked: ID_MASKED,
    district: YUELU,
    submittedAt: china('2026-09-01 10:00'),
    dueOn: '2026-09-16',
    overdue: false,
    ...over,
  };
}

export const open = (fee = 0): ServiceState => ({ open: true, fee });
export const closed = (reason?: string, opensOn?: string, fee = 0): ServiceState => ({
  open: false,
  fee,
  ...(reason !== undefined ? { reason } : {}),
  ...(opensOn !== undefined ? { opensOn } : {}),
});

export const NEEDS_DECLARATION = '需先完成居住信息申报并审核通过';
export const NEEDS_CARD = '领取居住证后可办理补领或换领';
export const NEEDS_CARD_FOR_ENDORSEMENT = '领取居住证后可办理签注';

export function declarationStanding(over: Partial<NonNullable<Overview['declaration']>> = {}): NonNullable<Overview['declaration']> {
  return {
    id: 'decl-1',
    status: 'pending',
    declaredOn: '2026-08-31',
    permitOpensOn: '2027-02-28',
    permitOpensOnProvisional: true,
    daysUntilPermit: 181,
    ...over,
  };
}

export function card(over: Partial<CardSummary> = {}): CardSummary {
  return { id: 'card-1', kind: 'permit', status: 'collected', issuedOn: '2027-03-01', ...over };
}

/** Someone who has applied for nothing: only the declaration is open. */
export function overview(over: Partial<Omit<Overview, 'services'>> & { services?: Partial<Overview['services']> } = {}): Overview {
  const { services, ...rest } = over;
  return {
    today: '2026-08-31',
    declaration: null,
    permit: null,
    card: null,
    approvedDeclarationId: null,
    ...rest,
    services: {
      declare: open(),
      permit: closed(NEEDS_DECLARATION),
      voucher: closed(NEEDS_DECLARATION),
      reissue: closed(NEEDS_CARD),
      endorse: closed(NEEDS_CARD_FOR_ENDORSEMENT),
      ...services,
    },
  };
}

/** Upload items in each state a tile can be in. */
export const uploading = (path: string, message = '0%'): UploadItem => ({ key: path, url: path, status: 'uploading', message, isImage: true });
export const failed = (path: string): UploadItem => ({ key: path, url: path, status: 'failed', message: '点此重试', isImage: true });
export const done = (fileId: string, url = `https://files.example/${fileId}`): UploadItem => ({ key: fileId, url, status: 'done', message: '', fileId, isImage: true });
/** Uploaded from a local path since the app started: the key stays the path it was picked from. */
export const uploadedFrom = (path: string, fileId: string): UploadItem => ({ key: path, url: path, status: 'done', message: '', fileId, isImage: true });
export const lostItem = (index: number): UploadItem => ({ key: `lost:${index}`, url: '', status: 'failed', message: '请重新选择', lost: true, isImage: true });

/** A material as an uploads step lists it. */
export function requirement(field: MaterialField, multiple = field === 'proofs'): MaterialRequirement {
  return { field, label: MATERIAL_LABELS[field], hint: '', multiple };
}
