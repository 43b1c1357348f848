// The one application flow, parameterised by service: identity, notice, self-check form, uploads,
// confirm, then the result. A replacement or renewal chooses its reason first. Later services take
// identity and address from the approved declaration, which the page reads from the server.
import type {
  Applicant,
  ApplicantView,
  ApplicationDetail,
  ApplicationKind,
  DeclarationPayload,
  ApplicationView,
  Materials,
  Residence,
  ReissueReason,
  Result,
} from '../../domain/contract';
import { chinaDate } from '../../domain/dates';
import { NEEDS_DECLARATION } from '../../domain/eligibility';
import { DUE_LABEL, FEE_PAYMENT_NOTE, KIND_LABELS, PROVISIONAL_NOTE } from '../../domain/labels';
import { REVIEW_DAYS } from '../../domain/rules';
import type { VerifyAsk } from '../../components/identity-check/index';
import type { UploadLists } from '../../components/material-uploads/model';
import { resident } from '../../services/resident';
import { askSubscriptions, preloadSubscriptions, reviewEvents } from '../../services/subscriptions';
import { mayHaveLanded, newRequestId } from '../../services/transport';
import { verifyPerson } from '../../services/verification';
import { answerWith } from '../../utils/ask';
import { toast } from '../../utils/feedback';
import { redirect, relaunch } from '../../utils/routes';
import { heldUploads, holdUploads } from '../shared/heldUploads';
import { photoRequests } from '../shared/photoRequests';
import {
  CURRENT_STEP_ICON,
  SERVICE_ENTRY,
  STEP,
  STEPS,
  closedByState,
  forgetFlow,
  loadFlow,
  refusalOf,
  resultOf,
  reviewNote,
  saveFlow,
  serviceOf,
  stepAfterVerified,
  stepBar,
  type Closed,
  type FlowDraft,
} from './flow';
import { draftAfterMove, knownPersonOf, reapplicationOf } from './startFrom';
import type { FormDraft, KnownPerson } from '../../components/declaration-form/model';
import { fileUrl } from '../../services/links';
import { careMode } from '../../utils/careMode';

Component({
  behaviors: [careMode],
  data: {
    service: 'declaration' as ApplicationKind,
    declaring: true,
    title: '',
    /** Until the server has answered whether the service is open (and, for a reissue, its fee), nothing is offered. */
    loading: true,
    /** With large text the titles no longer fit side by side: the untitled bar shows progress, a line names the step. */
    ...stepBar(STEP.identity),
    currentStepIcon: CURRENT_STEP_ICON,
    stepLabels: STEPS.map(({ text }, index) => `第 ${index + 1} 步（共 ${STEPS.length} 步）：${text}`),
    step: STEP.identity as number,
    today: chinaDate(Date.now()),
    closed: null as Closed | null,
    loadError: '',
    person: { name: '', idNumber: '' },
    token: '',
    noticeVersion: '',
    /** Declaring again after a move: the approved declaration's person, never typed again nor sent. */
    knownPerson: null as KnownPerson | null,
    /** Where the self-check form starts when nothing was typed before. */
    start: null as FormDraft | null,
    /** 重新申请: the refused application's reasons, shown while the form and photos are checked again. */
    reapplying: null as { reasons: string[] } | null,
    /** A declaration's applicant as the confirm screen shows it (a known person's name and masked number with the details typed). */
    shownApplicant: {} as Applicant | ApplicantView,
    /** Later services: the approved declaration, its person as shown, and the contact mobile typed. */
    declaration: null as ApplicationDetail | null,
    contact: { mobile: '' },
    choosingReason: false,
    /** A replacement for a card already reported lost: only 遗失补领 can be chosen. */
    cardLost: false,
    reason: '' as ReissueReason | '',
    fee: 0,
    applicant: {} as Applicant | ApplicantView,
    residence: {} as Residence,
    uploads: {} as UploadLists,
    materials: {} as Materials,
    requestId: '',
    submitting: false,
    /** The step to return to once verified again (the server refused the token at submission), else null. */
    resumeAt: null as number | null,
    result: resultOf({ id: '', kind: 'declaration', dueOn: '', district: '' } as ApplicationView),
    /** Promises a message only for what the person accepted; a submission recovered after a restart asked nothing. */
    reviewNote: reviewNote(REVIEW_DAYS, [], []),
    /** The result screen's words, the ones every screen uses. */
    labels: { provisional: PROVISIONAL_NOTE, due: DUE_LABEL, reviewDays: REVIEW_DAYS, feeNote: FEE_PAYMENT_NOTE },
  },
  methods: {
    ...photoRequests,
    async onLoad(query: Record<string, string | undefined>) {
      void preloadSubscriptions();
      const service = serviceOf(query.service);
      const title = KIND_LABELS[service];
      wx.setNavigationBarTitle({ title });
      const flow = loadFlow(service);
      // Behind the spinner until the server has answered, so sent with that answer unless a recovery needs it first.
      let starting: Record<string, unknown> | null = {
        service,
        title,
        declaring: service === 'declaration',
        uploads: flow.uploads,
        reason: flow.reason ?? '',
        requestId: flow.requestId ?? '',
        // A replacement starts at its reason, with the one chosen before already ticked.
        choosingReason: service === 'reissue',
      };
      // A submission sent before the app closed never got its answer. Its request id alone gets the first
      // result, whatever the payload: the only way back to it, as once stored the service shows as closed.
      // Had the server stored nothing, it refuses the empty payload and the flow starts as usual.
      if (flow.requestId) {
        this.setData(starting);
        starting = null;
        if (this.answered(await this.submit())) {
          this.setData({ loading: false });
          return;
        }
      }
      // The server's date and answer, not the phone's: a wrong phone clock must not decide either.
      const overview = await resident.overview();
      if (!overview.ok) {
        this.setData({ ...starting, loading: false, loadError: overview.error.message });
        return;
      }
      const { today, services, approvedDeclarationId, card } = overview.data;
      const state = services[SERVICE_ENTRY[service]];
      const known = state.open ? await this.knownStart(service, query.from, service === 'declaration' ? approvedDeclarationId : null, flow) : {};
      if (typeof known.loadError === 'string') {
        this.setData({ ...starting, loading: false, loadError: known.loadError });
        return;
      }
      this.setData({ ...starting, ...known, loading: false, today, fee: state.fee, cardLost: card?.reportedLostOn !== undefined, closed: closedByState(state) });
      if (service === 'declaration' || !state.open) return;
      // An open later service always has an approved declaration; without one nothing could be shown.
      const declaration = approvedDeclarationId ? await resident.getApplication(approvedDeclarationId) : null;
      if (!declaration) {
        this.setData({ loadError: NEEDS_DECLARATION });
        return;
      }
      if (!declaration.ok) {
        this.setData({ loadError: declaration.error.message });
        return;
      }
      this.setData({ declaration: declaration.data, residence: declaration.data.residence ?? ({} as Residence) });
    },
    /**
     * What the flow starts from besides a blank form, read before anything is shown: the person declaring
     * again after a move (verified with nothing typed, their form from the approved declaration), and the
     * refused application 重新申请 came from (its form, photos and reason, unless the person had started already).
     */
    async knownStart(service: ApplicationKind, from: string | undefined, approvedDeclarationId: string | null, flow: FlowDraft): Promise<Record<string, unknown>> {
      const [approved, refused] = await Promise.all([approvedDeclarationId, from].map((id) => (id ? resident.getApplication(id) : null)));
      const failed = [approved, refused].find((result) => result && !result.ok);
      if (failed && !failed.ok) return { loadError: failed.error.message };
      const start: Record<string, unknown> = {};
      if (approved?.ok) Object.assign(start, { knownPerson: knownPersonOf(approved.data), start: draftAfterMove(approved.data) });
      const again = refused?.ok ? reapplicationOf(refused.data, service, fileUrl) : null;
      if (again) {
        Object.assign(start, { start: again.draft, reapplying: { reasons: again.reasons } });
        if (Object.keys(flow.uploads).length === 0) start.uploads = again.uploads;
        if (!flow.reason && again.reason) start.reason = again.reason;
        if (!approved) start.person = { name: again.draft.applicant.name, idNumber: '' };
      }
      return start;
    },
    /** Shows `step`, with whatever else changes with it in the same setData (one trip to the view). */
    go(step: number, also: Record<string, unknown> = {}) {
      // The photos the uploads step reported become where it starts should it be shown again.
      const uploads = heldUploads(this, this.data.uploads);
      this.setData({ ...also, step, ...(step < STEP.done ? stepBar(step) : {}), ...(uploads !== this.data.uploads ? { uploads } : {}) });
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },
    /** Keeps on the phone what the flow holds beyond the form: photos, reason and an unanswered submission. */
    keepFlow() {
      const { service, reason, requestId } = this.data;
      const uploads = heldUploads(this, this.data.uploads);
      saveFlow(service, { uploads, ...(reason ? { reason } : {}), ...(requestId ? { requestId } : {}) });
    },
    onReason(event: VantEvent<{ reason: ReissueReason }>) {
      this.setData({ reason: event.detail.reason, choosingReason: false });
      this.keepFlow();
    },
    onChangeReason() {
      this.setData({ choosingReason: true });
    },
    onVerify(event: VantEvent<VerifyAsk>) {
      answerWith(event, ({ person }) => verifyPerson(person));
    },
    onVerified(event: VantEvent<{ verificationToken: string; name?: string; idNumber?: string }>) {
      const { verificationToken, name = '', idNumber = '' } = event.detail;
      const next = stepAfterVerified(this.data.resumeAt, this.data.declaring, this.data.person, { name, idNumber });
      this.go(next, { token: verificationToken, person: { name, idNumber }, resumeAt: null });
    },
    onAgree(event: VantEvent<{ noticeVersion: string }>) {
      this.go(STEP.form, { noticeVersion: event.detail.noticeVersion });
    },
    onFormNext(event: VantEvent<{ applicant: Applicant; residence: Residence }>) {
      const { applicant, residence } = event.detail;
      const known = this.data.knownPerson;
      this.go(STEP.uploads, { applicant, residence, shownApplicant: known ? { ...applicant, ...known } : applicant });
    },
    onServiceFormNext(event: VantEvent<{ contact: { mobile: string } }>) {
      const { contact } = event.detail;
      const declaration = this.data.declaration as ApplicationDetail;
      const applicant = { ...declaration.applicant, mobile: contact.mobile };
      this.go(STEP.uploads, { contact, applicant, shownApplicant: applicant });
    },
    /** An upload settled or a photo went: kept with the draft, and in the view only once the step is left. */
    onUploadsChange(event: VantEvent<UploadLists>) {
      holdUploads(this, event.detail);
      this.keepFlow();
    },
    onUploadsNext(event: VantEvent<Materials>) {
      this.go(STEP.confirm, { materials: event.detail });
    },
    onEdit(event: VantEvent<{ step: number }>) {
      this.go(event.detail.step);
    },
    submit() {
      const { token, noticeVersion, applicant, residence, materials, requestId, service, contact, reason } = this.data;
      const base = { verificationToken: token, consent: { noticeVersion }, materials };
      if (service === 'declaration') {
        return resident.submitDeclaration({ ...base, applicant: applicant as DeclarationPayload['applicant'], residence }, requestId);
      }
      return resident.apply(service, { ...base, contact, ...(service === 'reissue' && reason ? { reason } : {}) }, requestId);
    },
    /**
     * Ends a submission on its answer: the result screen when it succeeded. A failure the server answered
     * was not stored, so its request id goes; one that may have landed keeps it for the retry.
     */
    answered(result: Result<ApplicationView>): boolean {
      if (result.ok) {
        forgetFlow(this.data.service);
        this.go(STEP.done, { requestId: '', result: resultOf(result.data) });
        return true;
      }
      if (!mayHaveLanded(result)) {
        this.setData({ requestId: '' });
        this.keepFlow();
      }
      return false;
    },
    async onSubmit() {
      if (this.data.submitting) return;
      // The prompt comes first, before anything asynchronous in the tap: WeChat shows it only then. Its answer is
      // not waited for to send; the result screen waits for it, the prompt being in front of it anyway.
      const events = reviewEvents(this.data.service);
      const subscribed = askSubscriptions(events);
      // One request id per intended submission, kept on the phone before it is sent: a retry after a lost
      // answer, even once the app has restarted, cannot submit twice.
      this.setData({ submitting: true, requestId: this.data.requestId || newRequestId() });
      this.keepFlow();
      const result = await this.submit();
      this.setData({ submitting: false, ...(result.ok ? { reviewNote: reviewNote(REVIEW_DAYS, events, (await subscribed).accepted) } : {}) });
      this.answered(result);
      if (result.ok) return;
      const refusal = refusalOf(result.error);
      // The server's answer stands, with its date: the page says exactly when the service opens.
      if ('closed' in refusal) return this.setData({ closed: refusal.closed });
      toast(refusal.say, 3000);
      if (refusal.reverify) {
        // Verified again, the person comes back here with everything as it was.
        this.go(STEP.identity, { resumeAt: STEP.confirm });
      } else if (refusal.chooseReason) this.setData({ choosingReason: true, cardLost: true });
      else if (refusal.step !== undefined) this.go(refusal.step);
    },
    onDetail() {
      redirect('application', { id: this.data.result.id });
    },
    onHome() {
      relaunch('home');
    },
  },
});
