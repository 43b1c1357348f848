// 信息自检: the declaration's self-check form. Checks each field as the person leaves it, keeps a draft
// on the phone after every change, and hands the checked form to the flow with a `next` event.
import dayjs from 'dayjs';
import { ETHNICITIES } from '../../domain/ethnicities';
import type { ApplicationKind } from '../../domain/contract';
import { careMode } from '../../utils/careMode';
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
  firstErrorSelector,
  flatKey,
  formErrors,
  payloadOf,
  restoreDraft,
  type FormDraft,
  type KnownPerson,
} from './model';

type Picker = '' | 'ethnicity' | 'district' | 'since';
type Dataset = { path: string };

/** What changes with an update besides the draft: each is folded into its one setData. */
interface UpdateOptions {
  /** Keep the draft on the phone (default true: the person changed something). */
  save?: boolean;
  /** The field the person has just left or chosen: its problems show from now on. */
  touch?: string;
  /** Every field was touched at once (on attach, the restored ones). */
  touched?: Record<string, boolean>;
  /** 下一步 was tapped: every problem shows. */
  attempted?: boolean;
  /** Anything else to set with it (a picker closing). */
  also?: Record<string, unknown>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

Component({
  // With large text a picker's value sits under its label, where an arrow beside it has no room.
  behaviors: [careMode],
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
    today: { type: String, value: '' },
    /** Name and ID number already verified by face: shown, not typed again. */
    verifiedName: { type: String, value: '' },
    verifiedIdNumber: { type: String, value: '' },
    /** Declaring again after a move: the approved declaration's person, shown masked and not sent. */
    known: { type: Object, value: {} },
    /** Where the form starts when nothing was typed before: the previous declaration, or a refused application. */
    start: { type: Object, value: {} },
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
      // What was typed before wins over any starting point: a page never loses what a person typed.
      const stored = loadDraft<FormDraft>(this.properties.service);
      const draft = restoreDraft(stored ?? this.properties.start);
      const { verifiedName, verifiedIdNumber } = this.properties;
      if (verifiedName) draft.applicant = { ...draft.applicant, name: verifiedName, idNumber: verifiedIdNumber };
      const touched: Record<string, boolean> = {};
      // A restored field was typed before: show its problems straight away.
      for (const part of ['applicant', 'residence'] as const) {
        for (const [key, value] of Object.entries(draft[part])) if (value) touched[flatKey(`${part}.${key}`)] = true;
      }
      this.update(draft, { save: false, touched });
    },
  },
  methods: {
    /**
     * Shows `draft` with its problems in one setData, sending only what changed (a blur that changes
     * nothing sends nothing): every setData is a trip to the view, and the form is the flow's largest.
     */
    update(draft: FormDraft, { save = true, touch, touched: allTouched, attempted: attempting, also = {} }: UpdateOptions = {}) {
      const today = this.properties.today;
      const attempted = attempting ?? this.data.attempted;
      const touchedKey = touch === undefined ? undefined : flatKey(touch);
      const newlyTouched = touchedKey !== undefined && !this.data.touched[touchedKey];
      const touched = allTouched ?? (newlyTouched ? { ...this.data.touched, [touchedKey]: true } : this.data.touched);
      const known = this.known();
      const errors = formErrors(draft, today, known);
      const shown: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) {
        if (attempted || touched[flatKey(path)]) shown[flatKey(path)] = message;
      }
      const derived = derivedOf(draft, today, this.properties.service as ApplicationKind, known);
      const changes: Record<string, unknown> = { ...also };
      if (draft !== this.data.draft) changes.draft = draft;
      if (!same(shown, this.data.shown)) changes.shown = shown;
      if (!same(derived, this.data.derived)) changes.derived = derived;
      if (allTouched) changes.touched = allTouched;
      else if (newlyTouched) changes[`touched.${touchedKey}`] = true;
      if (attempted !== this.data.attempted) changes.attempted = attempted;
      if (Object.keys(changes).length > 0) this.setData(changes);
      if (save) saveDraft(this.properties.service, draft);
    },
    known(): KnownPerson | null {
      const known = this.properties.known as Partial<KnownPerson> | null;
      return known?.name ? (known as KnownPerson) : null;
    },
    set(path: string, value: string, options: UpdateOptions = {}) {
      const [part, key] = path.split('.') as [keyof FormDraft, string];
      const draft: FormDraft = { ...this.data.draft, [part]: { ...this.data.draft[part], [key]: value } };
      this.update(draft, options);
    },
    onInput(event: VantEvent<string, Dataset>) {
      this.set(event.currentTarget.dataset.path, typeof event.detail === 'string' ? event.detail : '');
    },
    onBlur(event: VantEvent<unknown, Dataset>) {
      this.update(this.data.draft, { save: false, touch: event.currentTarget.dataset.path });
    },
    onChoose(event: VantEvent<string, Dataset>) {
      const { path } = event.currentTarget.dataset;
      this.set(path, event.detail, { touch: path });
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
      this.set('applicant.ethnicity', event.detail.value, { touch: 'applicant.ethnicity', also: { picker: '' } });
    },
    onDistrict(event: VantEvent<{ index: number }>) {
      this.set('residence.district', districtCodeAt(event.detail.index), { touch: 'residence.district', also: { picker: '' } });
    },
    onSince(event: VantEvent<number>) {
      // The picker works in the phone's local time; reading it back in local time gives the day shown.
      this.set('residence.since', dayjs(event.detail).format('YYYY-MM-DD'), { touch: 'residence.since', also: { picker: '' } });
    },
    onNext() {
      this.update(this.data.draft, { save: false, attempted: true });
      const first = firstErrorSelector(this.data.shown);
      if (first) {
        toast('请按提示修改标红的项目');
        // The first problem may be off the screen, above or below: it is brought into view, as a toast alone
        // does not say where to look.
        wx.pageScrollTo({ selector: first, duration: 300 });
        return;
      }
      this.triggerEvent('next', payloadOf(this.data.draft, this.known()));
    },
  },
});
