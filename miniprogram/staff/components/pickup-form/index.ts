// 确认领取: the resident's pickup code, or the reviewer's word that the ID card was checked in person.
import { FIELD_MESSAGES } from '../../../domain/errors';
import { PICKUP_CODE_TYPED_MAX } from '../../../domain/limits';

Component({
  options: { addGlobalClass: true },
  properties: {
    /** The server's message about the code, e.g. a wrong one. */
    error: { type: String, value: '' },
    busy: { type: Boolean, value: false },
  },
  data: {
    code: '',
    idCardChecked: false,
    shownError: '',
    // The server's message last shown: a parent re-render sets it again, which must not hide a newer check.
    errorSeen: '',
    codeMax: PICKUP_CODE_TYPED_MAX,
  },
  observers: {
    error(error: string) {
      if (error !== this.data.errorSeen) this.setData({ errorSeen: error, shownError: error });
    },
  },
  methods: {
    onCode(event: VantEvent<string>) {
      this.setData({ code: event.detail, shownError: '' });
    },
    onIdCard(event: VantEvent<boolean>) {
      this.setData({ idCardChecked: event.detail, shownError: '' });
    },
    onSubmit() {
      if (this.data.idCardChecked) return this.triggerEvent('submit', { idCardChecked: true });
      const pickupCode = this.data.code.trim();
      if (!pickupCode) return this.setData({ shownError: FIELD_MESSAGES.pickupProof });
      this.triggerEvent('submit', { pickupCode });
    },
  },
});
