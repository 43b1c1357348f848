// 信息自检 for the services after the declaration: identity and address come from the approved
// declaration and are shown, not typed again; only the contact mobile may differ. For a replacement
// or renewal the chosen reason and the card fee are repeated here, with a way to change the reason.
import type { ApplicationDetail, ReissueReason } from '../../domain/contract';
import { mobileProblem } from '../../domain/declarationForm';
import { FEE_PAYMENT_NOTE, REISSUE_REASON_LABELS } from '../../domain/labels';
import { MOBILE_LENGTH } from '../../domain/limits';
import { personRows, residenceRows, type Row } from '../../utils/applicationRows';
import { loadDraft, saveDraft } from '../../utils/drafts';
import { feeText } from '../../utils/format';

interface ContactDraft {
  mobile: string;
}

Component({
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'permit' },
    /** The approved declaration, as its owner sees it (the ID number masked). */
    declaration: { type: Object, value: {} },
    reason: { type: String, value: '' },
    fee: { type: Number, value: 0 },
  },
  data: {
    person: [] as Row[],
    home: [] as Row[],
    mobile: '',
    error: '',
    reasonLabel: '',
    feeLabel: '',
    mobileLength: MOBILE_LENGTH,
    feeNote: FEE_PAYMENT_NOTE,
  },
  lifetimes: {
    attached() {
      const declaration = this.properties.declaration as ApplicationDetail;
      const draft = loadDraft<ContactDraft>(this.properties.service);
      const mobile = typeof draft?.mobile === 'string' ? draft.mobile : (declaration.applicant?.mobile ?? '');
      this.setData({
        // The mobile is the one detail of the person that can change here: it is the field below, not a row.
        person: personRows(declaration.applicant, declaration.applicant.idNumberMasked).filter((r) => r.label !== '手机号码'),
        home: residenceRows(declaration.residence),
        mobile,
        reasonLabel: REISSUE_REASON_LABELS[this.properties.reason as ReissueReason] ?? '',
        feeLabel: feeText(this.properties.fee),
      });
    },
  },
  methods: {
    onMobile(event: VantEvent<string>) {
      const mobile = typeof event.detail === 'string' ? event.detail : '';
      this.setData({ mobile, error: '' });
      saveDraft(this.properties.service, { mobile });
    },
    onBlur() {
      this.setData({ error: mobileProblem(this.data.mobile) ?? '' });
    },
    onChangeReason() {
      this.triggerEvent('changereason');
    },
    onNext() {
      const error = mobileProblem(this.data.mobile);
      this.setData({ error: error ?? '' });
      if (error) return;
      this.triggerEvent('next', { contact: { mobile: this.data.mobile } });
    },
  },
});
