// 补正: the items a correction request lists, each editable on its own, then resubmitting only those.
import dayjs from 'dayjs';
import type { ApplicationKind, CorrectionItem, Materials, ReissueReason, ResidenceKind } from '../../domain/contract';
import { ETHNICITIES } from '../../domain/ethnicities';
import { latestRequest } from '../../domain/corrections';
import { fieldLabel } from '../../domain/labels';
import type { MaterialField } from '../../domain/materials';
import { listsFromMaterials, materialsOf, requirementsFor, type UploadLists } from '../../components/material-uploads/model';
import { fileUrl } from '../../services/links';
import { resident } from '../../services/resident';
import { askSubscriptions, preloadSubscriptions, reviewEvents } from '../../services/subscriptions';
import { mayHaveLanded, newRequestId } from '../../services/transport';
import { DISTRICT_NAMES, EARLIEST_SINCE, districtCodeAt, flatKey } from '../../components/declaration-form/model';
import { clearDraft, loadDraft, saveDraft } from '../../utils/drafts';
import { confirm, toast, toastDone } from '../../utils/feedback';
import { backOr } from '../../utils/routes';
import { heldUploads, holdUploads } from '../shared/heldUploads';
import { photoRequests } from '../shared/photoRequests';
import {
  changesOf,
  correctionBase,
  errorsAfterChange,
  fieldRows,
  followBasis,
  materialFieldsFor,
  materialItems,
  restoreRows,
  rowErrors,
  shownValue,
  startingUploads,
  type CorrectionBase,
  type CorrectionDraft,
  type FieldRow,
} from './model';
import { careMode } from '../../utils/careMode';

type RowEvent<D> = VantEvent<D, { index: number }>;

const draftKeyOf = (id: string): string => `correction:${id}`;

Component({
  behaviors: [careMode],
  // app.wxss's shared classes (section titles, action rows) apply here.
  options: { addGlobalClass: true },
  data: {
    id: '',
    loading: true,
    error: '',
    kind: 'declaration' as ApplicationKind,
    residenceKind: 'rent',
    /** A replacement's reason: it decides which materials there are to correct. */
    reason: '',
    requests: [] as { label: string; message: string }[],
    items: [] as CorrectionItem[],
    rows: [] as FieldRow[],
    materialFields: [] as MaterialField[],
    hasRelationStatement: false,
    uploads: {} as UploadLists,
    /** The materials asked for start from photos already submitted: the page says they are kept. */
    keptSubmitted: false,
    /** Messages by material, shown next to each by the uploads component. */
    materialErrors: {} as Partial<Record<MaterialField, string>>,
    stamp: 0,
    errors: {} as Record<string, string>,
    picking: -1,
    pickerKind: '',
    ethnicities: ETHNICITIES as string[],
    districtNames: DISTRICT_NAMES,
    dateValue: 0,
    minDate: EARLIEST_SINCE,
    maxDate: 0,
    submitting: false,
    requestId: '',
    /** The stored values the corrected rows are checked with. */
    base: null as CorrectionBase | null,
  },
  methods: {
    ...photoRequests,
    async onLoad(query: Record<string, string | undefined>) {
      void preloadSubscriptions();
      const id = query.id ?? '';
      const [result, overview] = await Promise.all([resident.getApplication(id), resident.overview()]);
      // The id goes to the view with what the answer shows: one setData, not one for each.
      if (!result.ok) return this.setData({ id, loading: false, error: result.error.message });
      const app = result.data;
      const draft = loadDraft<CorrectionDraft>(draftKeyOf(id));
      if (app.status !== 'correction_requested') {
        if (typeof draft?.requestId === 'string' && draft.requestId) {
          this.setData({ id });
          if (await this.recover(draft.requestId)) return;
        }
        return this.setData({ id, loading: false, error: '这件办件现在不需要补正' });
      }
      const items = latestRequest(app.timeline);
      // What was typed and uploaded for this very request comes back; a draft for an earlier one does not.
      const current = draft?.stamp === app.updatedAt ? draft : null;
      const rows = restoreRows(fieldRows(app, items), current?.values);
      // Each material asked for starts from what was submitted, so nothing is dropped unless removed here.
      const submitted = listsFromMaterials(app.materials, materialItems(items), fileUrl);
      const uploads = startingUploads(submitted, current?.uploads);
      const hasRelationStatement = 'relationStatement' in app.materials;
      const residenceKind = rows.find((r) => r.path === 'residence.kind')?.value || app.residence?.kind || 'rent';
      this.setData({
        id,
        loading: false,
        kind: app.kind,
        reason: app.reason ?? '',
        requests: items.map((i) => ({ label: fieldLabel(i.item), message: i.message })),
        items,
        rows,
        hasRelationStatement,
        ...this.residenceKindData(residenceKind, items, hasRelationStatement),
        uploads,
        keptSubmitted: Object.values(submitted).some((photos) => photos.length > 0),
        stamp: app.updatedAt,
        requestId: typeof current?.requestId === 'string' ? current.requestId : '',
        maxDate: dayjs(overview.ok ? overview.data.today : undefined)
          .endOf('day')
          .valueOf(),
        base: correctionBase(app, overview.ok ? overview.data.today : undefined),
      });
    },
    draftKey(): string {
      return draftKeyOf(this.data.id);
    },
    saveDraft() {
      const { stamp, rows, requestId } = this.data;
      const uploads = heldUploads(this, this.data.uploads);
      const values = Object.fromEntries(rows.map((r) => [r.path, r.value]));
      saveDraft<CorrectionDraft>(this.draftKey(), { stamp, values, uploads, ...(requestId ? { requestId } : {}) });
    },
    /**
     * A resubmission sent before the app closed may have landed with its answer lost: the application is
     * then no longer awaiting correction. Its request id gets the first result whatever the payload, so the
     * person is taken to it instead of being told nothing is due; a request the server refuses was not stored.
     */
    async recover(requestId: string): Promise<boolean> {
      const result = await resident.resubmit(this.data.id, {}, requestId);
      if (result.ok) this.resubmitted();
      else if (!mayHaveLanded(result)) clearDraft(this.draftKey());
      return result.ok;
    },
    resubmitted() {
      clearDraft(this.draftKey());
      toastDone('已重新提交');
      // Back to the detail it was opened from, which reloads on show; opened alone, it becomes that detail.
      backOr('application', { id: this.data.id });
    },
    /** The kind of residence decides the proofs' hint and whether a relation statement is needed. */
    followResidenceKind(kind: string) {
      // The step may be shown anew (no material left to ask, then one again): it starts from the photos it reported.
      const uploads = heldUploads(this, this.data.uploads);
      this.setData({ ...this.residenceKindData(kind, this.data.items, this.data.hasRelationStatement), ...(uploads !== this.data.uploads ? { uploads } : {}) });
    },
    residenceKindData(kind: string, items: CorrectionItem[], hasRelationStatement: boolean): { residenceKind: string; materialFields: MaterialField[] } {
      return { residenceKind: kind, materialFields: materialFieldsFor(items, kind as ResidenceKind, hasRelationStatement) };
    },
    setRow(index: number, value: string) {
      const row = this.data.rows[index];
      this.setData({ [`rows[${index}].value`]: value, [`rows[${index}].shown`]: shownValue(row.path, value), [`errors.${row.key}`]: '' });
      if (row.path === 'residence.kind') this.followResidenceKind(value);
      // The organisation follows the basis: named for it, shown only when it names one.
      if (row.path === 'residence.basis') this.setData({ rows: followBasis(this.data.rows), 'errors.residence_organisation': '' });
      this.saveDraft();
    },
    onInput(event: RowEvent<string>) {
      this.setRow(event.currentTarget.dataset.index, typeof event.detail === 'string' ? event.detail : '');
    },
    openPicker(event: RowEvent<unknown>) {
      const index = event.currentTarget.dataset.index;
      const row = this.data.rows[index];
      this.setData({ picking: index, pickerKind: row.editor, dateValue: row.value ? dayjs(row.value).valueOf() : this.data.maxDate });
    },
    closePicker() {
      this.setData({ picking: -1, pickerKind: '' });
    },
    onPicked(event: VantEvent<{ value: string; index: number } | number>) {
      const { picking, pickerKind } = this.data;
      const detail = event.detail;
      // The date picker works in the phone's local time; reading it back in local time gives the day shown.
      const value =
        pickerKind === 'date'
          ? dayjs(detail as number).format('YYYY-MM-DD')
          : pickerKind === 'district'
            ? districtCodeAt((detail as { index: number }).index)
            : (detail as { value: string }).value;
      this.closePicker();
      this.setRow(picking, value);
    },
    /**
     * An upload settled or a photo went. The lists are kept with the draft, not sent to the view: the step
     * shows them itself. The component shows the page's messages whenever they are set, so one about a
     * changed material goes, and only a change is set.
     */
    onUploads(event: VantEvent<UploadLists>) {
      const materialErrors = errorsAfterChange(this.data.materialErrors, heldUploads(this, this.data.uploads), event.detail);
      holdUploads(this, event.detail);
      if (JSON.stringify(materialErrors) !== JSON.stringify(this.data.materialErrors)) this.setData({ materialErrors });
      this.saveDraft();
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const errors = this.data.base ? rowErrors(this.data.rows, this.data.base) : {};
      const { kind, residenceKind, reason, materialFields } = this.data;
      const requirements = requirementsFor(kind, residenceKind as ResidenceKind, (reason || undefined) as ReissueReason | undefined, materialFields);
      const { materials, problems } = materialsOf(requirements, heldUploads(this, this.data.uploads));
      this.setData({ errors, materialErrors: problems });
      if (Object.keys(errors).length > 0 || Object.keys(problems).length > 0) return;
      // The prompt comes before anything asynchronous in the tap (WeChat shows it only then), so before the
      // confirmation, which waits for its answer: one dialog at a time.
      await askSubscriptions(reviewEvents(kind));
      if (!(await confirm({ title: '提交补正', content: '确认已按要求补正，重新提交审核吗？' }))) return;
      // Kept on the phone before it is sent: a retry after a lost answer, even after a restart, lands once.
      const requestId = this.data.requestId || newRequestId();
      this.setData({ submitting: true, requestId });
      this.saveDraft();
      const result = await resident.resubmit(this.data.id, changesOf(this.data.rows, (materials ?? {}) as Partial<Materials>), requestId);
      this.setData({ submitting: false });
      if (!result.ok) {
        // A failure the server answered was not stored: the next attempt is a new request.
        if (!mayHaveLanded(result)) {
          this.setData({ requestId: '' });
          this.saveDraft();
        }
        const shown: Record<string, string> = {};
        const materialErrors: Record<string, string> = {};
        for (const [path, message] of Object.entries(result.error.fields ?? {})) {
          if (path.startsWith('materials.')) materialErrors[path.slice('materials.'.length)] = message;
          else shown[flatKey(path)] = message;
        }
        this.setData({ errors: shown, materialErrors });
        toast(result.error.message);
        return;
      }
      this.resubmitted();
    },
  },
});
