// The backend contract's shared vocabulary: kinds, statuses, payloads and results, as api.md fixes them.
import type { ActionName } from './api';
import type { ErrorCode } from './errors';

// The contract map (each action's payload, result and requestId rule) lives beside these types.
export * from './api';

export const FUNCTION_NAMES = ['resident', 'staff', 'scheduler'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const APPLICATION_KINDS = ['declaration', 'permit', 'voucher', 'reissue', 'endorsement'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** A permit or its replacement: the kinds that make a card to collect. */
export function isCard(kind: ApplicationKind): boolean {
  return kind === 'permit' || kind === 'reissue';
}

/** The kinds that end with something made to collect in person (a card or a voucher); a declaration or an endorsement settles when approved. */
export const COLLECTED_KINDS: readonly ApplicationKind[] = ['permit', 'voucher', 'reissue'];

export function isCollected(kind: ApplicationKind): boolean {
  return COLLECTED_KINDS.includes(kind);
}

/** The services after the declaration, and the resident action that applies for each. */
export type LaterService = Exclude<ApplicationKind, 'declaration'>;
export const APPLY_ACTIONS = {
  permit: 'applyPermit',
  voucher: 'applyVoucher',
  reissue: 'applyReissue',
  endorsement: 'applyEndorsement',
} as const satisfies Readonly<Record<LaterService, ActionName<'resident'>>>;

export const RESIDENCE_KINDS = ['rent', 'own', 'relative', 'dormitory', 'other'] as const;
export type ResidenceKind = (typeof RESIDENCE_KINDS)[number];

export const BASES = ['employment', 'residence', 'study'] as const;
export type Basis = (typeof BASES)[number];

export const REISSUE_REASONS = ['lost', 'damaged', 'expired', 'changed'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];

export const STATUSES = ['pending', 'correction_requested', 'approved', 'rejected', 'ready', 'collected', 'withdrawn', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

/** "Pending" in the rules: still waiting for someone to act on it. */
export const PENDING_STATUSES: readonly Status[] = ['pending', 'correction_requested'];

/** What the mini-program sends as `data` to a cloud function. */
export interface CallData {
  action: string;
  requestId?: string;
  payload?: unknown;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  opensOn?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export interface Applicant {
  name: string;
  idNumber: string;
  ethnicity: string;
  mobile: string;
  hukouAddress: string;
}

export interface Residence {
  district: string;
  street: string;
  address: string;
  since: string;
  kind: ResidenceKind;
  basis: Basis;
  organisation?: string;
}

export interface Materials {
  idFront: string;
  /** Every service but a replacement or renewal. */
  proofs?: string[];
  relationStatement?: string;
  photo?: string;
  damagedCard?: string;
}

export interface Consent {
  noticeVersion: string;
}

export interface DeclarationPayload {
  verificationToken: string;
  consent: Consent;
  /** Declaring again after a move, name and ID number may be left out: they are the approved declaration's. */
  applicant: Applicant | Omit<Applicant, 'name' | 'idNumber'>;
  residence: Residence;
  materials: Materials;
}

/** applyPermit, applyVoucher and applyReissue: identity and address come from the approved declaration. */
export interface ServicePayload {
  verificationToken: string;
  consent: Consent;
  contact?: { mobile: string };
  materials: Materials;
  /** A replacement or renewal only. */
  reason?: ReissueReason;
}

/** The applicant as a resident sees it after submission: the ID number masked, birth date and sex derived. */
export interface ApplicantView {
  name: string;
  idNumberMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  ethnicity: string;
  mobile: string;
  hukouAddress: string;
}

export interface CorrectionItem {
  /** A payload path from the correctable list, e.g. 'applicant.mobile' or 'materials.proofs'. */
  item: string;
  message: string;
}

export interface TimelineEntry {
  status: Status;
  at: number;
  note?: string;
  /** A correction request's items: every one at once (一次性告知). */
  items?: CorrectionItem[];
  /** A rejection's reasons. */
  reasons?: string[];
}

/** A staff role as a supervisor grants it: where, and the name and badge number the timeline and audit show. */
export interface StaffGrant {
  openid: string;
  districts: string[] | 'all';
  name: string;
  badge: string;
  /** A supervisor grants and revokes the roles of their own districts. */
  supervisor?: boolean;
}

/** A staff member as the server records them. */
export interface StaffMember extends StaffGrant {
  supervisor: boolean;
}

/** The timeline as staff see it: who did each step, and each view of the full ID number. */
export interface StaffTimelineEntry extends Partial<TimelineEntry> {
  type: 'status' | 'id_viewed';
  at: number;
  /** Staff are named by their record's name and badge number, never their openid. */
  actor: { role: 'owner' | 'staff' | 'system'; name?: string; badge?: string };
  from?: Status | null;
  /** An ID-number view standing for every view by the same officer within a short session: how many, and the latest. */
  count?: number;
  lastAt?: number;
  /** A resubmission: what changed since the correction was asked. */
  changes?: ResubmissionChange[];
}

/** One item a resubmission changed: a field's text before and after, or a material's photos added and removed. */
export interface ResubmissionChange {
  item: string;
  before?: string;
  after?: string;
  added?: FileLink[];
  removed?: FileLink[];
}

/** The `stats` action's answer, for the caller's districts or the one asked. */
export interface StaffStats {
  received: number;
  decided: number;
  overdue: number;
  dueToday: number;
  medianDaysToDecision: number | null;
  waiting: Partial<Record<Status, number>>;
}

export interface StaffQueueItem {
  id: string;
  kind: ApplicationKind;
  status: Status;
  applicantName: string;
  idNumberMasked: string;
  district: string;
  submittedAt: number;
  dueOn: string;
  overdue: boolean;
  /** Waiting for the resident: the China date the correction was asked. */
  askedOn?: string;
}

/**
 * What a staff decision answers: the application as it now stands, its ID number masked (only
 * getApplication shows it whole) and its materials as file ids, with its queue row's fields.
 */
export type StaffDecision = StaffQueueItem & Omit<ApplicationView, 'permitOpensOn' | 'permitOpensOnProvisional'>;

export interface StaffApplication extends Omit<ApplicationView, 'applicant' | 'materials'> {
  applicant: ApplicantView & { idNumber: string };
  materials: Record<string, FileLink | FileLink[]>;
  timeline: StaffTimelineEntry[];
}

/** An application as its owner sees it. */
export interface ApplicationView {
  id: string;
  kind: ApplicationKind;
  status: Status;
  submittedAt: number;
  updatedAt: number;
  dueOn: string;
  overdue: boolean;
  district: string;
  declaredOn?: string;
  permitOpensOn?: string;
  /** True while the declaration that sets permitOpensOn is not yet approved. */
  permitOpensOnProvisional?: boolean;
  /** A card's issue date (its approval), China time. */
  issuedOn?: string;
  /** A replacement or renewal: why, and the card fee (yuan) that was shown when it was applied for. */
  reason?: ReissueReason;
  fee?: number;
  /** A card its holder reported lost (by applying for a replacement): the China-time date. */
  reportedLostOn?: string;
  applicant: ApplicantView;
  residence?: Residence;
  consent: { noticeVersion: string; agreedAt: number };
  materials: Materials;
}

export interface FileLink {
  fileId: string;
  url: string;
}

/** How many file ids one fileLinks call may name: every material of one application fits. */
export const MAX_FILE_LINKS = 10;

/** fileLinks (not a writing action): fresh short-lived links to the caller's own uploads, e.g. a draft's photos after a restart. */
export interface FileLinksPayload {
  fileIds: string[];
}

/** A link for each id that is a file the caller uploaded; any other id is absent, whether or not it exists. */
export interface FileLinksResult {
  links: Record<string, string>;
}

export interface ApplicationDetail extends Omit<ApplicationView, 'materials'> {
  timeline: TimelineEntry[];
  materials: Record<string, FileLink | FileLink[]>;
  /** Once the card is ready: where to collect it, and the code to show at the counter. */
  pickup?: {
    place: string;
    address: string;
    hours?: string;
    phone?: string;
    location?: { latitude: number; longitude: number };
    pickupCode: string;
  };
}

export interface ServiceState {
  open: boolean;
  reason?: string;
  opensOn?: string;
  /** What applying costs, in yuan: 0 for the declaration, the voucher and the first permit; the card fee for a replacement or renewal. */
  fee: number;
}

export type EndorsementStatus = 'not_due' | 'window_open' | 'pending' | 'lapsed';

/** The current or next endorsement window; while lapsed, `opensOn` is the day the card lapsed and `closesOn` is null. */
export interface CardEndorsement {
  status: EndorsementStatus;
  opensOn: string;
  closesOn: string | null;
}

/** A permit or reissue application as the overview names it; a card reported lost carries the date. */
export interface CardSummary {
  id: string;
  kind: ApplicationKind;
  status: Status;
  issuedOn?: string;
  reportedLostOn?: string;
  /** A replacement still under way for a card reported lost: the date the old card was reported lost. */
  replacesLostOn?: string;
  /** A collected card's last valid day. */
  validUntil?: string;
  /** A collected card's full years of residence, every endorsement window kept. */
  yearsOfResidence?: number;
  endorsement?: CardEndorsement;
}

export interface Overview {
  today: string;
  /** The caller has a staff record: the home page then shows the staff console's entry. */
  isStaff?: boolean;
  declaration: null | {
    id: string;
    status: Status;
    declaredOn: string;
    permitOpensOn: string;
    permitOpensOnProvisional: boolean;
    daysUntilPermit: number;
  };
  /** The person's latest permit or reissue application, whatever its status. */
  permit: null | CardSummary;
  /**
   * The card to show the person: one being applied for, else the one held, else their latest settled
   * application (a refused one, say); a withdrawn application, or a refused replacement beside a card
   * still held, is not it. A card reported lost carries the date.
   */
  card: null | CardSummary;
  /** The approved declaration that later services take identity and address from; null before one is approved. */
  approvedDeclarationId: string | null;
  /** `endorse` is free: its fee is always 0. */
  services: Record<'declare' | 'permit' | 'voucher' | 'reissue' | 'endorse', ServiceState>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
