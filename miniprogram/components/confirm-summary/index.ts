// Step 5: everything the person is about to submit on one screen. The ID number shows in full here —
// the one place the person checks it before it is sent.
import type { Applicant, ApplicationKind, Residence } from '../../domain/contract';
import { districtName } from '../../domain/districts';
import { birthDateOf, sexOf } from '../../domain/idNumber';
import { BASIS_LABELS, RESIDENCE_KIND_LABELS, SEX_LABELS } from '../../domain/labels';
import { requiredMaterials } from '../../domain/materials';

interface Row {
  label: string;
  value: string;
}

function rowsOf(service: ApplicationKind, applicant: Applicant, residence: Residence, photoCounts: Record<string, number>): { person: Row[]; home: Row[]; files: Row[] } {
  return {
    person: [
      { label: '姓名', value: applicant.name },
      { label: '公民身份号码', value: applicant.idNumber.toUpperCase() },
      { label: '出生日期 / 性别', value: `${birthDateOf(applicant.idNumber)} · ${SEX_LABELS[sexOf(applicant.idNumber)]}` },
      { label: '民族', value: applicant.ethnicity },
      { label: '手机号码', value: applicant.mobile },
      { label: '户籍地址', value: applicant.hukouAddress },
    ],
    home: [
      { label: '居住地址', value: `长沙市${districtName(residence.district)}${residence.street}${residence.address}` },
      { label: '居住起始日期', value: residence.since },
      { label: '住所类型', value: RESIDENCE_KIND_LABELS[residence.kind] },
      { label: '申领依据', value: BASIS_LABELS[residence.basis] + (residence.organisation ? `（${residence.organisation}）` : '') },
    ],
    files: requiredMaterials(service, residence.kind).map((r) => ({ label: r.label, value: `${photoCounts[r.field] ?? 0} 张` })),
  };
}

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
    applicant: { type: Object, value: {} },
    residence: { type: Object, value: {} },
    materials: { type: Object, value: {} },
    submitting: { type: Boolean, value: false },
  },
  data: {
    rows: { person: [] as Row[], home: [] as Row[], files: [] as Row[] },
  },
  observers: {
    'applicant, residence, materials'(applicant: Applicant, residence: Residence, materials: Record<string, string | string[]>) {
      if (!applicant.idNumber || !residence.kind) return;
      const counts: Record<string, number> = {};
      for (const [field, value] of Object.entries(materials)) counts[field] = Array.isArray(value) ? value.length : value ? 1 : 0;
      this.setData({ rows: rowsOf(this.properties.service as ApplicationKind, applicant, residence, counts) });
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
