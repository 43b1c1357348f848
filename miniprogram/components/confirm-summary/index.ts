// Step 5: everything the person is about to submit on one screen. For a declaration the ID number
// shows in full here — the one place the person checks it before it is sent; later services show the
// approved declaration's person, masked, with the contact mobile of this application.
import { isCard, type Applicant, type ApplicantView, type ApplicationKind, type ReissueReason, type Residence } from '../../domain/contract';
import { birthDateOf, sexOf } from '../../domain/idNumber';
import { requiredMaterials } from '../../domain/materials';
import { cardRows, personRows, residenceRows, type Row } from '../../utils/applicationRows';

function personOf(service: ApplicationKind, applicant: Applicant | ApplicantView): Row[] {
  if (service !== 'declaration') return personRows(applicant as ApplicantView, (applicant as ApplicantView).idNumberMasked);
  const typed = applicant as Applicant;
  const id = typed.idNumber.toUpperCase();
  return personRows({ ...typed, idNumberMasked: id, birthDate: birthDateOf(id), sex: sexOf(id) }, id);
}

/** What a card costs, and why a replacement is asked for. */
function serviceRows(service: ApplicationKind, reason: string, fee: number): Row[] {
  const card = isCard(service);
  return cardRows({ ...(reason ? { reason: reason as ReissueReason } : {}), ...(card ? { fee } : {}) });
}

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
    /** The typed applicant of a declaration, or the approved declaration's (masked) one for later services. */
    applicant: { type: Object, value: {} },
    residence: { type: Object, value: {} },
    materials: { type: Object, value: {} },
    reason: { type: String, value: '' },
    fee: { type: Number, value: 0 },
    submitting: { type: Boolean, value: false },
  },
  data: {
    declaring: true,
    rows: { person: [] as Row[], home: [] as Row[], service: [] as Row[], files: [] as Row[] },
  },
  observers: {
    'applicant, residence, materials, reason, fee'(
      applicant: Applicant | ApplicantView,
      residence: Residence,
      materials: Record<string, string | string[]>,
      reason: string,
      fee: number,
    ) {
      if (!applicant.name || !residence.kind) return;
      const service = this.properties.service as ApplicationKind;
      const files = requiredMaterials(service, residence.kind, (reason || undefined) as ReissueReason | undefined).map((r) => {
        const value = materials[r.field];
        return { label: r.label, value: `${Array.isArray(value) ? value.length : value ? 1 : 0} 张` };
      });
      this.setData({
        declaring: service === 'declaration',
        rows: { person: personOf(service, applicant), home: residenceRows(residence), service: serviceRows(service, reason, fee), files },
      });
    },
  },
  methods: {
    onSubmit() {
      if (!this.properties.submitting) this.triggerEvent('submit');
    },
    onEdit(event: VantEvent<unknown, { step: number }>) {
      this.triggerEvent('edit', { step: Number(event.currentTarget.dataset.step) });
    },
  },
});
