// 信息自检: the declaration's self-check form. Checks each field as the person leaves it, keeps a draft
// on the phone after every change, and hands the checked form to the flow with a `next` event.
import dayjs from 'dayjs';
import { ETHNICITIES } from '../../domain/ethnicities';
import type { ApplicationKind } from '../../domain/contract';
import { loadDraft, saveDraft } from '../../utils/drafts';
import { toast } from '../../utils/feedback';
import {
  BASIS_OPTIONS,
  DISTRICT_NAMES,
  EARLIEST_SINCE,
  KIND_OPTIONS,
  MAXLENGTHS,
  derivedOf,
  districtCodeAt,
  emptyDraft,
  flatKey,
  formErrors,
  payloadOf,
  restoreDraft,
  type FormDraft,
} from './model';

type Picker = '' | 'ethnicity' | 'district' | 'since';
type Dataset = { path: string };

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
    today: { type: String, value: '' },
    /** Name and ID number already verified by face: shown, not typed again. */
    verifiedName: { type: String, value: '' },
    verifiedIdNumber: { type: String, value: '' },
  },
  data: {
    draft: emptyDraft(),
    derived: derivedOf(emptyDraft(), '2000-01-01', 'declaration'),
    shown: {} as Record<string, string>,
    touched: {} as Record<string, boolean>,
    attempted: false,
    picker: '' as Picker,
    ethnicities: ETHNICITIES as string[],
    districtNames: DISTRICT_NAMES,
    kindOptions: KIND_OPTIONS,
    basisOptions: BASIS_OPTIONS,
    maxlengths: MAXLENGTHS,
    sinceValue: 0,
    minDate: EARLIEST_SINCE,
    maxDate: 0,
  },
  lifetimes: {
    attached() {
      const draft = restoreDraft(loadDraft<FormDraft>(this.properties.service));
      const { verifiedName, verifiedIdNumber } = this.properties;
      if (verifiedName) draft.applicant = { ...draft.applicant, name: verifiedName, idNumber: verifiedIdNumber };
      const touched: Record<string, boolean> = {};
      // A restored field was typed before: show its problems straight away.
      for (const part of ['applicant', 'residence'] as const) {
        for (const [key, value] of Object.entries(draft[part])) if (value) touched[flatKey(`${part}.${key}`)] = true;
      }
      this.setData({ touched });
      this.update(draft, false);
    },
  },
  methods: {
    update(draft: FormDraft, save = true) {
      const today = this.properties.today;
      const errors = formErrors(draft, today);
      const shown: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) {
        if (this.data.attempted || this.data.touched[flatKey(path)]) shown[flatKey(path)] = message;
      }
      this.setData({ draft, shown, derived: derivedOf(draft, today, this.properties.service as ApplicationKind) });
      if (save) saveDraft(this.properties.service, draft);
    },
    set(path: string, value: string) {
      const [part, key] = path.split('.') as [keyof FormDraft, string];
      const draft: FormDraft = { ...this.data.draft, [part]: { ...this.data.draft[part], [key]: value } };
      this.update(draft);
    },
    touch(path: string) {
      this.setData({ [`touched.${flatKey(path)}`]: true });
    },
    onInput(event: VantEvent<string, Dataset>) {
      this.set(event.currentTarget.dataset.path, typeof event.detail === 'string' ? event.detail : '');
    },
    onBlur(event: VantEvent<unknown, Dataset>) {
      this.touch(event.currentTarget.dataset.path);
      this.update(this.data.draft, false);
    },
    onChoose(event: VantEvent<string, Dataset>) {
      this.touch(event.currentTarget.dataset.path);
      this.set(event.currentTarget.dataset.path, event.detail);
    },
    openPicker(event: VantEvent<unknown, { picker: Picker }>) {
      const picker = event.currentTarget.dataset.picker;
      const since = this.data.draft.residence.since;
      // Dates are picked up to the server's today (the phone's clock may be wrong).
      const today = dayjs(this.properties.today);
      this.setData({ picker, maxDate: today.endOf('day').valueOf(), sinceValue: (since ? dayjs(since) : today).valueOf() });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    onEthnicity(event: VantEvent<{ value: string }>) {
      this.touch('applicant.ethnicity');
      this.setData({ picker: '' });
      this.set('applicant.ethnicity', event.detail.value);
    },
    onDistrict(event: VantEvent<{ index: number }>) {
      this.touch('residence.district');
      this.setData({ picker: '' });
      this.set('residence.district', districtCodeAt(event.detail.index));
    },
    onSince(event: VantEvent<number>) {
      this.touch('residence.since');
      this.setData({ picker: '' });
      // The picker works in the phone's local time; reading it back in local time gives the day shown.
      this.set('residence.since', dayjs(event.detail).format('YYYY-MM-DD'));
    },
    onNext() {
      this.setData({ attempted: true });
      this.update(this.data.draft, false);
      if (Object.keys(this.data.shown).length > 0) {
        toast('请按提示修改标红的项目');
        return;
      }
      this.triggerEvent('next', payloadOf(this.data.draft));
    },
  },
});
