// Step 1 of every flow: a one-line consent, then face verification of the person. For a declaration the
// person gives name and ID number here; later services verify the person of the approved declaration.
// The page runs the check itself, answering the `verify` request; `verified` follows a pass.
import type { Result } from '../../domain/contract';
import { chinaDate } from '../../domain/dates';
import { checkIdNumber, checkPersonName } from '../../domain/declarationForm';
import { FIELD_MAXLENGTHS } from '../../domain/limits';
import { Checker } from '../../domain/validation';
import { ask, type Asking } from '../../utils/ask';

/** Whom to verify: the person typed for a declaration, nobody named for a later service (the server knows them). */
export type PersonToVerify = { name: string; idNumber: string } | Record<string, never>;
export type Verification = Result<{ verificationToken: string; expiresAt: number }>;
/** The `verify` request's detail. */
export type VerifyAsk = Asking<{ person: PersonToVerify }, Verification>;

/**
 * Said under the button while it cannot be used: a greyed button alone does not tell an older person
 * why nothing happens, nor that the tick above is what is missing.
 */
const CONSENT_HINT = '请先勾选上方的同意，再开始人脸识别验证';

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    /** True when the person types name and ID number (a declaration). */
    asksIdentity: { type: Boolean, value: true },
    name: { type: String, value: '' },
    idNumber: { type: String, value: '' },
  },
  data: {
    consented: false,
    busy: false,
    errors: {} as Record<string, string>,
    failure: '',
    maxlengths: FIELD_MAXLENGTHS,
    consentHint: CONSENT_HINT,
  },
  methods: {
    onName(event: VantEvent<string>) {
      this.setData({ name: event.detail });
    },
    onIdNumber(event: VantEvent<string>) {
      this.setData({ idNumber: event.detail });
    },
    onConsent(event: VantEvent<boolean>) {
      this.setData({ consented: event.detail });
    },
    async onStart() {
      if (!this.data.consented || this.data.busy) return;
      let person: PersonToVerify = {};
      if (this.properties.asksIdentity) {
        const c = new Checker();
        const name = checkPersonName(c, 'name', this.data.name);
        const idNumber = checkIdNumber(c, 'idNumber', this.data.idNumber, chinaDate(Date.now()));
        this.setData({ errors: c.errors });
        if (!name || !idNumber) return;
        person = { name, idNumber };
      }
      this.setData({ busy: true, failure: '' });
      const result = await ask<Verification>(this, 'verify', { person });
      this.setData({ busy: false });
      if (!result.ok) {
        this.setData({ failure: result.error.message, errors: result.error.fields ?? {} });
        return;
      }
      this.triggerEvent('verified', { ...result.data, ...person });
    },
  },
});
