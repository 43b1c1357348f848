// Step 4 (and 补正's materials): the photos the service and kind of residence need. Each photo uploads on
// its own with its progress, a failed one is retried by tapping it or removed; nothing already uploaded
// is lost: kept photos (a draft's, or an application's being corrected) show through fresh links.
// The page sends the photos and fetches the links, answering the `upload` and `links` requests.
import type { ApplicationKind, ReissueReason, ResidenceKind, Result } from '../../domain/contract';
import type { MaterialField, MaterialRequirement } from '../../domain/materials';
import { ask, type Asking } from '../../utils/ask';
import { toast } from '../../utils/feedback';
import {
  NOT_IMAGE,
  PICK_AGAIN,
  RETRY,
  pickedFiles,
  type PickedFile,
  fileIdsOf,
  freshLinksOf,
  materialsOf,
  pickAgainProblems,
  pickedItem,
  requirementsFor,
  restoreLists,
  withLinks,
  type UploadItem,
  type UploadLists,
} from './model';

export type Uploaded = Result<{ fileId: string }>;
/** The `upload` request's detail: the photo's local path, and where to report its progress in percent. */
export type UploadAsk = Asking<{ path: string; onProgress: (percent: number) => void }, Uploaded>;
export type Links = Result<Record<string, string>>;
/** The `links` request's detail: loadable links, by file id, to photos uploaded before. */
export type LinksAsk = Asking<{ fileIds: string[] }, Links>;

type FieldDataset = { field: MaterialField };

/** How often at most an upload's tile shows its progress. */
const PROGRESS_EVERY_MS = 300;
/** The instances whose attached has run. */
const attachedSteps = new WeakSet<object>();

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
    residenceKind: { type: String, value: 'rent' },
    reissueReason: { type: String, value: '' },
    /** The lists to start from (a draft, or what the page already holds), read once when attached. */
    initial: { type: Object, value: {} },
    /** Only these materials (a correction asks for some); all the service needs when empty. */
    fields: { type: Array, value: [] },
    /** The step's own 下一步 button; a page that submits by itself hides it. */
    showNext: { type: Boolean, value: true },
    /** Messages by material from the page (its own check, or the server's answer), shown next to each. */
    errors: { type: Object, value: {} },
  },
  data: {
    requirements: [] as (MaterialRequirement & { max: number })[],
    lists: {} as UploadLists,
    problems: {} as Partial<Record<MaterialField, string>>,
    /** What a pick left out (photos beyond the limit), by material: said beside it, not as an error. */
    notes: {} as Partial<Record<MaterialField, string>>,
  },
  lifetimes: {
    attached() {
      // One setData for what the step first shows: every setData is a trip to the view.
      attachedSteps.add(this);
      const lists = restoreLists(this.properties.initial, { keepFresh: true });
      const requirements = this.requirements();
      this.setData({ lists, requirements, problems: { ...this.data.problems, ...pickAgainProblems(requirements, lists) } });
      this.refreshLinks();
    },
  },
  observers: {
    // A correction can change the kind of residence, and with it which materials there are to upload.
    'service, residenceKind, reissueReason, fields'() {
      // Before attached, the properties are only being given: attached lists the requirements with the rest.
      if (!attachedSteps.has(this)) return;
      const requirements = this.requirements();
      // The page re-sends its properties whenever it sets its own data: only a real change is shown again.
      if (JSON.stringify(requirements) !== JSON.stringify(this.data.requirements)) this.setData({ requirements });
    },
    errors(errors: Partial<Record<MaterialField, string>>) {
      // The page's messages replace the shown ones, but a photo to pick again still says so.
      const problems = { ...pickAgainProblems(this.data.requirements, this.data.lists), ...errors };
      if (JSON.stringify(problems) !== JSON.stringify(this.data.problems)) this.setData({ problems });
    },
  },
  methods: {
    requirements(): (MaterialRequirement & { max: number })[] {
      const { service, residenceKind, reissueReason, fields } = this.properties;
      return requirementsFor(
        service as ApplicationKind,
        residenceKind as ResidenceKind,
        (reissueReason || undefined) as ReissueReason | undefined,
        // The property's empty default means every material: the apply flow passes none, a correction its own.
        (fields as string[]).length ? (fields as string[]) : undefined,
      );
    },
    /**
     * Kept photos' links expire and local copies vanish with a restart: ask the page for fresh links to
     * the photos kept from a draft (links the page has just made, a correction's, are used as they are).
     */
    async refreshLinks() {
      const fresh = freshLinksOf(this.data.lists);
      const ids = fileIdsOf(this.data.lists).filter((id) => !(id in fresh));
      if (ids.length === 0) return;
      const result = await ask<Links>(this, 'links', { fileIds: ids });
      // Offline, the photos stay kept by their ids: the tiles may be blank, but the application is whole.
      if (!result.ok) return;
      const lists = withLinks(this.data.lists, { ...fresh, ...result.data });
      // A photo that can only be picked again says so under its material at once, with what to do.
      this.setData({ lists, problems: { ...this.data.problems, ...pickAgainProblems(this.data.requirements, lists) } });
      this.triggerEvent('change', this.data.lists);
    },
    /**
     * Updates one tile by its path (`lists.proofs[2]`), so only that tile goes to the view; false when
     * the photo is no longer there (removed meanwhile).
     */
    setItem(field: MaterialField, key: string, patch: Partial<UploadItem>, also: Record<string, unknown> = {}): boolean {
      const items = this.data.lists[field] ?? [];
      const index = items.findIndex((i) => i.key === key);
      if (index < 0) return false;
      const changes = Object.fromEntries(Object.entries(patch).map(([name, value]) => [`lists.${field}[${index}].${name}`, value]));
      this.setData({ ...changes, ...also });
      return true;
    },
    /** `shown`: the tile already says it is uploading (just picked), so the upload starts without a setData. */
    async upload(field: MaterialField, key: string, shown = false) {
      const item = (this.data.lists[field] ?? []).find((i) => i.key === key);
      if (!item) return;
      if (!shown) this.setItem(field, key, { status: 'uploading', message: '0%' });
      // Phones report progress many times a second; the tile follows at most every PROGRESS_EVERY_MS, and
      // not after the upload has settled.
      let shownAt = Date.now();
      let settled = false;
      const onProgress = (percent: number) => {
        if (settled || Date.now() - shownAt < PROGRESS_EVERY_MS) return;
        shownAt = Date.now();
        this.setItem(field, key, { message: `${percent}%` });
      };
      const result = await ask<Uploaded>(this, 'upload', { path: item.url, onProgress });
      settled = true;
      const patch: Partial<UploadItem> = result.ok ? { status: 'done', message: '', fileId: result.data.fileId } : { status: 'failed', message: RETRY };
      // An uploaded photo answers what was said about its material (请上传…, a photo not uploaded): it is said
      // again only if 下一步 finds it still so. A photo to pick again still says so, and a file of the same
      // pick that was not an image is still not taken.
      const said = this.data.problems[field];
      const answered = result.ok && !!said && said !== NOT_IMAGE && !(this.data.lists[field] ?? []).some((i) => i.lost);
      // The page keeps the photos with its draft once an upload has settled (not on every tick).
      if (this.setItem(field, key, patch, answered ? { [`problems.${field}`]: '' } : {})) this.triggerEvent('change', this.data.lists);
    },
    onAfterRead(event: VantEvent<{ file: PickedFile | PickedFile[] }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const files = Array.isArray(event.detail.file) ? event.detail.file : [event.detail.file];
      const existing = this.data.lists[field] ?? [];
      const max = this.data.requirements.find((r) => r.field === field)?.max ?? 1;
      // A file the server could only refuse is not sent; photos beyond the material's limit are not added,
      // and both are said under the material instead of passing silently.
      const { added, problem, note } = pickedFiles(files, existing, max);
      // The new tiles are appended by path, already showing their upload as started.
      const tiles = Object.fromEntries(added.map((url, n) => [`lists.${field}[${existing.length + n}]`, pickedItem(url)]));
      this.setData({
        ...(added.length === 0 ? {} : this.data.lists[field] ? tiles : { [`lists.${field}`]: added.map(pickedItem) }),
        [`problems.${field}`]: problem,
        [`notes.${field}`]: note,
      });
      added.forEach((url) => this.upload(field, url, true));
    },
    onDelete(event: VantEvent<{ index: number }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const items = [...(this.data.lists[field] ?? [])];
      items.splice(event.detail.index, 1);
      // What was said about this material was about the photos before: it is judged again on 下一步.
      this.setData({ [`lists.${field}`]: items, [`problems.${field}`]: '', [`notes.${field}`]: '' });
      this.triggerEvent('change', this.data.lists);
    },
    onTapItem(event: VantEvent<{ index: number }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const item = (this.data.lists[field] ?? [])[event.detail.index];
      if (!item || item.status !== 'failed') return;
      // Its local file is gone: retrying could never succeed, so the person picks it again instead.
      if (item.lost) toast(`${PICK_AGAIN}：先删除这张，再添加照片`);
      else this.upload(field, item.key);
    },
    onNext() {
      const { materials, problems } = materialsOf(this.data.requirements, this.data.lists);
      this.setData({ problems });
      if (materials) {
        this.triggerEvent('next', materials);
        return;
      }
      // Every problem shows under its own material; the first may be above the screen (the step is long
      // for a permit), so it is brought into view.
      const first = this.data.requirements.find((r) => problems[r.field] !== undefined);
      if (first) wx.pageScrollTo({ selector: `.material-${first.field}`, duration: 300 });
    },
  },
});
