// 确认领取: the resident's pickup code, typed or scanned, or the reviewer's word that the ID card was checked in person.
import { FIELD_MESSAGES } from '../../../domain/errors';
import { PICKUP_CODE_TYPED_MAX } from '../../../domain/limits';

Component({
  options: { addGlobalClass: true },
  properties: {
    /** The server's message about the code, e.g. a wrong one. */
    error: { type: String, value: '' },
    busy: { type: Boolean, value: false },
    /** A scanned code (on the queue before the page opened, or here): the field takes it. */
    code: { type: String, value: '' },
  },
  data: {
    typed: '',
    idCardChecked: false,
    shownError: '',
    // The server's message last shown: a parent re-render sets it again, which must not hide a newer check.
    errorSeen: '',
    codeMax: PICKUP_CODE_TYPED_MAX,
  },
  observers: {
    code(code: string) {
      if (code) this.setData({ typed: code, idCardChecked: false, shownError: '' });
    },
    error(error: string) {
      if (error !== this.data.errorSeen) this.setData({ errorSeen: error, shownError: error });
    },
  },
  methods: {
    onCode(event: VantEvent<string>) {
      this.setData({ typed: event.detail, shownError: '' });
    },
    /** The page opens the scanner; what it reads comes back as `code`, to be checked like a typed one. */
    onScan() {
      this.triggerEvent('scan');
    },
    onIdCard(event: VantEvent<boolean>) {
      this.setData({ idCardChecked: event.detail, shownError: '' });
    },
    onSubmit() {
      if (this.data.idCardChecked) return this.triggerEvent('submit', { idCardChecked: true });
      const pickupCode = this.data.typed.trim();
      if (!pickupCode) return this.setData({ shownError: FIELD_MESSAGES.pickupProof });
      this.triggerEvent('submit', { pickupCode });
    },
  },
});
