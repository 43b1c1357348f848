// 审核办件: one application in full — the one screen with the whole ID number — and the decisions its
// status allows, each confirmed first. Every write keeps its request id until it lands, so a retry lands once.
import type { CorrectionItem, Result } from '../../../domain/contract';
import { scanQrCode } from '../../../services/scan';
import { staff, type PickupProof } from '../../../services/staff';
import { fileUrl } from '../../../services/links';
import { newRequestId } from '../../../services/transport';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { PICKUP_CODE_SHAPE, STAFF_TEXT_LENGTH } from '../../../domain/limits';
import { confirm, toast, toastDone } from '../../../utils/feedback';
import { correctionErrors, correctionSummary, reviewModel, type ReviewModel } from './model';
import { careMode } from '../../../utils/careMode';

type Action = 'approve' | 'requestCorrection' | 'reject' | 'markReady' | 'markCollected';
type Fields = Record<string, string>;

Component({
  behaviors: [careMode],
  data: {
    /** The approval note's limit: every staff text's (limits.ts). */
    noteMax: STAFF_TEXT_LENGTH.max,
    id: '',
    /** A pickup code scanned on the queue, already found to be this card's: the hand-over starts with it. */
    code: '',
    /** 审核意见, sent with an approval when given. */
    note: '',
    loading: true,
    error: '',
    model: null as ReviewModel | null,
    correcting: false,
    rejecting: false,
    busy: {} as Partial<Record<Action, boolean>>,
    correctionErrors: {} as Fields,
    rejectError: '',
    pickupError: '',
    requestIds: {} as Partial<Record<Action, string>>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '', code: query.code ?? '' });
      this.load();
    },
    async load() {
      // After a decision the page stays in place while it reloads; only the first load shows a spinner.
      const first = !this.data.model;
      // Only a change goes to the view: on the first show the spinner is already there.
      if (first !== this.data.loading || this.data.error) this.setData({ loading: first, error: '' });
      const result = await staff.getApplication(this.data.id);
      if (!result.ok) {
        if (first) return this.setData({ loading: false, error: result.error.message });
        toast(result.error.message);
        return;
      }
      this.setData({ loading: false, model: reviewModel(result.data, fileUrl) });
    },
    onPreviewChange(event: VantEvent<unknown, { urls: string[]; url: string }>) {
      const { urls, url } = event.currentTarget.dataset;
      wx.previewImage({ urls, current: url });
    },
    onOpenCorrect() {
      this.setData({ correcting: !this.data.correcting, rejecting: false });
    },
    onOpenReject() {
      this.setData({ rejecting: !this.data.rejecting, correcting: false });
    },
    onNote(event: VantEvent<string>) {
      this.setData({ note: event.detail });
    },
    async onApprove() {
      const model = this.data.model;
      if (!model) return;
      const note = this.data.note.trim();
      const content = note ? `${model.approveQuestion}\n审核意见：${note}` : model.approveQuestion;
      if (!(await confirm({ title: '审核通过', content, confirmText: '通过' }))) return;
      await this.decide('approve', '已通过', (rid) => staff.approve(this.data.id, note, rid));
      if (!this.data.model?.allowed.approve) this.setData({ note: '' });
    },
    async onCorrect(event: VantEvent<{ items: CorrectionItem[] }>) {
      const { items } = event.detail;
      const content = `将一次性告知申请人补正以下 ${items.length} 项：${correctionSummary(items)}。确定发送吗？`;
      if (!(await confirm({ title: '要求补正', content, confirmText: '发送' }))) return;
      await this.decide(
        'requestCorrection',
        '已通知补正',
        (rid) => staff.requestCorrection(this.data.id, items, rid),
        (fields) => this.setData({ correctionErrors: correctionErrors(fields, items) }),
      );
    },
    async onReject(event: VantEvent<{ reasons: string[] }>) {
      const { reasons } = event.detail;
      const content = `不予通过后这份申请即办结，申请人将看到全部 ${reasons.length} 条理由。确定不予通过吗？`;
      if (!(await confirm({ title: '不予通过', content, confirmText: '不予通过', danger: true }))) return;
      await this.decide(
        'reject',
        '已不予通过',
        (rid) => staff.reject(this.data.id, reasons, rid),
        (fields) => this.setData({ rejectError: Object.values(fields).join('；') }),
      );
    },
    async onMarkReady() {
      const content = '确认证件已制作完成？申请人将收到领取通知和领取码。';
      if (!(await confirm({ title: '证件已制作', content, confirmText: '确认' }))) return;
      await this.decide('markReady', '已标记可领取', (rid) => staff.markReady(this.data.id, rid));
    },
    /** The resident's QR code, read into the pickup field (emptied first, so the same code read again still lands). */
    async onScanCode() {
      const scanned = await scanQrCode();
      if (!scanned) return;
      this.setData({ code: '' });
      this.setData({ code: scanned });
    },
    /**
     * The hand-over: a code is checked against this card before anything is asked (a wrong one is said
     * next to the field, and nothing else happens); then the officer confirms to whom the card goes.
     */
    async onCollect(event: VantEvent<PickupProof>) {
      const proof = event.detail;
      const name = this.data.model?.applicantName ?? '申请人';
      if (this.data.busy.markCollected) return;
      if ('pickupCode' in proof && !(await this.codeMatches(proof.pickupCode))) return;
      const content = 'idCardChecked' in proof ? `已当面核验身份证，确认把证件交给${name}本人？` : `已核对领取码，确认把证件交给${name}本人？`;
      if (!(await confirm({ title: '确认领取', content, confirmText: '确认交付' }))) return;
      await this.decide(
        'markCollected',
        '已确认领取',
        (rid) => staff.markCollected(this.data.id, proof, rid),
        (fields) => this.setData({ pickupError: fields.pickupCode ?? Object.values(fields).join('；') }),
      );
    },
    /** Whether the code finds this very card waiting for pickup; when not, the field says so. */
    async codeMatches(pickupCode: string): Promise<boolean> {
      // Only a code's shape is searched: a name or ID digits typed here would find this card too, and say the code matched.
      if (!PICKUP_CODE_SHAPE.test(pickupCode.trim())) {
        this.setData({ pickupError: FIELD_MESSAGES.pickupCode });
        return false;
      }
      this.setData({ 'busy.markCollected': true, pickupError: '' });
      const found = await staff.queue({ query: pickupCode });
      this.setData({ 'busy.markCollected': false });
      if (!found.ok) {
        // The check could not be made: the server checks the code again on the hand-over itself.
        if (found.error.code !== 'INVALID_INPUT') return true;
        this.setData({ pickupError: found.error.fields?.query ?? FIELD_MESSAGES.pickupCode });
        return false;
      }
      if (found.data.items.some((item) => item.id === this.data.id && item.status === 'ready')) return true;
      this.setData({ pickupError: FIELD_MESSAGES.pickupCode });
      return false;
    },
    /** Sends one decision: field errors go next to their fields, anything else to a toast; success reloads. */
    async decide(action: Action, done: string, send: (requestId: string) => Promise<Result<unknown>>, showFields?: (fields: Fields) => void) {
      if (this.data.busy[action]) return;
      // The same id until the decision lands: a retry after a lost answer cannot decide twice.
      const requestId = this.data.requestIds[action] || newRequestId();
      this.setData({ [`busy.${action}`]: true, [`requestIds.${action}`]: requestId, correctionErrors: {}, rejectError: '', pickupError: '' });
      const result = await send(requestId);
      this.setData({ [`busy.${action}`]: false });
      if (!result.ok) {
        const { code, message, fields } = result.error;
        if (code === 'INVALID_INPUT' && fields && showFields) showFields(fields);
        else toast(message);
        // Someone else may have decided meanwhile: show where the application stands now.
        if (code === 'CONFLICT') this.load();
        return;
      }
      this.setData({ [`requestIds.${action}`]: '', correcting: false, rejecting: false });
      toastDone(done);
      await this.load();
    },
  },
});
