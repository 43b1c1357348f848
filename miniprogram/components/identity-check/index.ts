// Step 1 of every flow: a one-line consent, then face verification of the person. For a declaration the
// person gives name and ID number here; later services verify the person of the approved declaration.
import { chinaDate } from '../../domain/dates';
import { checkIdNumber, checkPersonName } from '../../domain/declarationForm';
import { Checker } from '../../domain/validation';
import { verifyPerson } from '../../services/verification';

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
      let person: { name: string; idNumber: string } | Record<string, never> = {};
      if (this.properties.asksIdentity) {
        const c = new Checker();
        const name = checkPersonName(c, 'name', this.data.name);
        const idNumber = checkIdNumber(c, 'idNumber', this.data.idNumber, chinaDate(Date.now()));
        this.setData({ errors: c.errors });
        if (!name || !idNumber) return;
        person = { name, idNumber };
      }
      this.setData({ busy: true, failure: '' });
      const result = await verifyPerson(person);
      this.setData({ busy: false });
      if (!result.ok) {
        this.setData({ failure: result.error.message, errors: result.error.fields ?? {} });
        return;
      }
      this.triggerEvent('verified', { ...result.data, ...person });
    },
  },
});
