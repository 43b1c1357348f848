// The contract map: for each cloud function and action, its payload, its result and whether it needs a
// requestId. The mini-program's transport and the server's handler tables are both checked against it.
import type {
  ApplicationDetail,
  ApplicationKind,
  ApplicationView,
  CorrectionItem,
  DeclarationPayload,
  FileLinksPayload,
  FileLinksResult,
  FunctionName,
  Overview,
  Page,
  ServicePayload,
  StaffApplication,
  StaffDecision,
  StaffGrant,
  StaffMember,
  StaffQueueItem,
  StaffStats,
  Status,
} from './contract';
import type { SubscriptionResult, Subscriptions, NotificationEvent } from './notifications';

/** One action: what it takes, what it answers, and whether it is idempotent by a requestId. */
export interface ActionSpec<Payload, Data, NeedsRequestId extends boolean> {
  payload: Payload;
  result: Data;
  needsRequestId: NeedsRequestId;
}

/** The development verifier's outcomes; the local host honours them, the cloud ignores them. */
export type DevOutcome = 'pass' | 'fail' | 'cancel';

/** The image types a resident may upload, by the extension of the path prepareUpload issues. */
export const UPLOAD_EXTENSIONS = ['jpg', 'png', 'webp'] as const;
export type UploadExtension = (typeof UPLOAD_EXTENSIONS)[number];

/** The parts a resubmission may change: each object is merged into the stored one, arrays replace. */
export type ResubmitChanges = Partial<Record<'applicant' | 'residence' | 'contact' | 'materials', Record<string, unknown>>>;

/** How staff hand a card over: the resident's pickup code, or an ID card checked in person. */
export type PickupProof = { pickupCode: string } | { idCardChecked: true };

export interface QueuePayload {
  status?: Status;
  kind?: ApplicationKind;
  /** Finds in every status: an exact name, 4–6 trailing ID characters, an application id or a pickup code. */
  query?: string;
  cursor?: string;
  limit?: number;
}

type Verified = { verificationToken: string; expiresAt: number };

/** The template id of each event a caller may subscribe to, as the server is configured: the phone spells none. */
export type SubscriptionTemplates = Partial<Record<NotificationEvent, string>>;

/** What a scheduler run did: notifications it created, deliveries that were sent or failed, and expired records it deleted. */
export interface SchedulerResult {
  created: number;
  delivered: number;
  failed: number;
  pruned: number;
}

export interface Api {
  resident: {
    overview: ActionSpec<Record<string, never> | undefined, Overview, false>;
    /** `{}` verifies the person of the approved declaration (later services). */
    startVerification: ActionSpec<{ name: string; idNumber: string } | Record<string, never>, { verifyId: string }, false>;
    finishVerification: ActionSpec<{ verifyId: string; devOutcome?: DevOutcome }, Verified, false>;
    submitDeclaration: ActionSpec<DeclarationPayload, ApplicationView, true>;
    applyPermit: ActionSpec<ServicePayload, ApplicationView, true>;
    applyVoucher: ActionSpec<ServicePayload, ApplicationView, true>;
    applyReissue: ActionSpec<ServicePayload, ApplicationView, true>;
    /** The yearly endorsement (签注): within a window or after a lapse, for a person holding a collected card. */
    applyEndorsement: ActionSpec<ServicePayload, ApplicationView, true>;
    listApplications: ActionSpec<{ cursor?: string; limit?: number } | undefined, Page<ApplicationView>, false>;
    getApplication: ActionSpec<{ id: string }, ApplicationDetail, false>;
    withdraw: ActionSpec<{ id: string }, ApplicationView, true>;
    resubmit: ActionSpec<{ id: string } & ResubmitChanges, ApplicationView, true>;
    fileLinks: ActionSpec<FileLinksPayload, FileLinksResult, false>;
    /** A fresh storage path under the caller for one photo; writes nothing. */
    prepareUpload: ActionSpec<{ extension: UploadExtension }, { cloudPath: string }, false>;
    /** Records the caller as the owner of a photo uploaded to a path issued to them; a repeat answers the same. */
    confirmUpload: ActionSpec<{ fileId: string }, { fileId: string }, false>;
    /** What the person chose in WeChat's subscription prompt, merged into what they chose before; answers the whole record. */
    recordSubscriptions: ActionSpec<{ results: Partial<Record<NotificationEvent, SubscriptionResult>> }, { subscriptions: Subscriptions }, false>;
    /** The template ids of every event a resident may subscribe to (all but staff_overdue). */
    subscriptionTemplates: ActionSpec<Record<string, never> | undefined, { templates: SubscriptionTemplates }, false>;
  };
  staff: {
    queue: ActionSpec<QueuePayload | undefined, Page<StaffQueueItem>, false>;
    getApplication: ActionSpec<{ id: string }, StaffApplication, false>;
    approve: ActionSpec<{ id: string; note?: string }, StaffDecision, true>;
    requestCorrection: ActionSpec<{ id: string; items: CorrectionItem[] }, StaffDecision, true>;
    reject: ActionSpec<{ id: string; reasons: string[] }, StaffDecision, true>;
    markReady: ActionSpec<{ id: string }, StaffDecision, true>;
    markCollected: ActionSpec<{ id: string } & PickupProof, StaffDecision, true>;
    /** The template id of the daily overdue count, the one message staff subscribe to. */
    subscriptionTemplates: ActionSpec<Record<string, never> | undefined, { templates: SubscriptionTemplates }, false>;
    /** The caller's own staff record: their districts, name, badge number and whether they supervise. */
    profile: ActionSpec<Record<string, never> | undefined, StaffMember, false>;
    /** Supervisors only: gives a staff role within the supervisor's own districts (recorded). */
    grantStaff: ActionSpec<StaffGrant, StaffMember, true>;
    /** Supervisors only: takes the role of a staff member of the supervisor's own districts (recorded). */
    revokeStaff: ActionSpec<{ openid: string }, { revoked: true }, true>;
    /** Counts of the caller's districts (or one of them) over the last `days` China days, and what waits now. */
    stats: ActionSpec<{ district?: string; days?: number } | undefined, StaffStats, false>;
  };
  scheduler: {
    /** Only the timer trigger or the local host runs it; any caller is FORBIDDEN. */
    run: ActionSpec<Record<string, never> | undefined, SchedulerResult, false>;
  };
}

/** The actions of one function, by name. */
export type ActionName<F extends FunctionName> = keyof Api[F] & string;

type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends ActionSpec<unknown, unknown, boolean> ? Api[F][A] : never;

export type PayloadOf<F extends FunctionName, A extends ActionName<F>> = Spec<F, A>['payload'];
export type ResultOf<F extends FunctionName, A extends ActionName<F>> = Spec<F, A>['result'];
export type NeedsRequestId<F extends FunctionName, A extends ActionName<F>> = Spec<F, A>['needsRequestId'];

/** The actions of a function that need a requestId. */
export type RequestIdAction<F extends FunctionName> = { [A in ActionName<F>]: NeedsRequestId<F, A> extends true ? A : never }[ActionName<F>];

/**
 * What follows the action in a call: the payload (optional when the action takes none), then the
 * requestId exactly when the action needs one. Spread over a union of actions, one tuple per action.
 */
export type CallArgs<F extends FunctionName, A extends ActionName<F>> =
  A extends ActionName<F>
    ? NeedsRequestId<F, A> extends true
      ? [payload: PayloadOf<F, A>, requestId: string]
      : undefined extends PayloadOf<F, A>
        ? [payload?: PayloadOf<F, A>]
        : [payload: PayloadOf<F, A>]
    : never;
