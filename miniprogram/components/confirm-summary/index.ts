// Step 5: everything the person is about to submit on one screen, the photos as thumbnails. For a declaration the ID number
// shows in full here — the one place the person checks it before it is sent; later services show the
// approved declaration's person, masked, with the contact mobile of this application.
import type { Applicant, ApplicantView, ApplicationKind, ReissueReason, Residence } from '../../domain/contract';
import { birthDateOf, sexOf } from '../../domain/idNumber';
import { requiredMaterials } from '../../domain/materials';
import { cardRows, personRows, residenceRows, type Row } from '../../utils/applicationRows';
import type { UploadLists } from '../material-uploads/model';
import { feeRows, photoRows, type PhotoRow } from './model';

function personOf(applicant: Applicant | ApplicantView): Row[] {
  // The approved declaration's person (later services, or a declaration after a move): masked, as it was never typed here.
  if ('idNumberMasked' in applicant) return personRows(applicant, applicant.idNumberMasked);
  const typed = applicant;
  const id = typed.idNumber.toUpperCase();
  return personRows({ ...typed, idNumberMasked: id, birthDate: birthDateOf(id), sex: sexOf(id) }, id);
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
    /** The uploads step's lists, which hold an address for each photo: the thumbnails come from there. */
    uploads: { type: Object, value: {} },
    reason: { type: String, value: '' },
    fee: { type: Number, value: 0 },
    submitting: { type: Boolean, value: false },
  },
  data: {
    declaring: true,
    /** `reason` is a replacement's (its 修改 leads to where it changes); `fee` is a fact of the service, with no 修改. */
    rows: { person: [] as Row[], home: [] as Row[], reason: [] as Row[], fee: [] as Row[] },
    photos: [] as PhotoRow[],
  },
  observers: {
    'applicant, residence, materials, uploads, reason, fee'(
      applicant: Applicant | ApplicantView,
      residence: Residence,
      materials: Record<string, string | string[]>,
      uploads: UploadLists,
      reason: string,
      fee: number,
    ) {
      if (!applicant.name || !residence.kind) return;
      const service = this.properties.service as ApplicationKind;
      const requirements = requiredMaterials(service, residence.kind, (reason || undefined) as ReissueReason | undefined);
      this.setData({
        declaring: service === 'declaration',
        rows: {
          person: personOf(applicant),
          home: residenceRows(residence),
          reason: reason ? cardRows({ reason: reason as ReissueReason }) : [],
          fee: feeRows(service, fee),
        },
        photos: photoRows(requirements, materials, uploads),
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
