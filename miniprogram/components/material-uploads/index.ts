// Step 4 (and 补正's materials): the photos the service and kind of residence need. Each photo uploads on
// its own with its progress, a failed one is retried by tapping it or removed; nothing already uploaded
// is lost: kept photos (a draft's, or an application's being corrected) show through fresh links.
// The page sends the photos and fetches the links, answering the `upload` and `links` requests.
import type { ApplicationKind, ReissueReason, ResidenceKind, Result } from '../../domain/contract';
import type { MaterialField, MaterialRequirement } from '../../domain/materials';
import { ask, type Asking } from '../../utils/ask';
import { toast } from '../../utils/feedback';
import { PICK_AGAIN, RETRY, fileIdsOf, materialsOf, pickAgainProblems, pickedItem, requirementsFor, restoreLists, withLinks, type UploadItem, type UploadLists } from './model';

export type Uploaded = Result<{ fileId: string }>;
/** The `upload` request's detail: the photo's local path, and where to report its progress in percent. */
export type UploadAsk = Asking<{ path: string; onProgress: (percent: number) => void }, Uploaded>;
export type Links = Result<Record<string, string>>;
/** The `links` request's detail: loadable links, by file id, to photos uploaded before. */
export type LinksAsk = Asking<{ fileIds: string[] }, Links>;

type FieldDataset = { field: MaterialField };

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
  },
  lifetimes: {
    attached() {
      this.setData({ lists: restoreLists(this.properties.initial) });
      this.listRequirements();
      this.sayPickAgain();
      this.refreshLinks();
    },
  },
  observers: {
    // A correction can change the kind of residence, and with it which materials there are to upload.
    'service, residenceKind, reissueReason, fields'() {
      this.listRequirements();
    },
    errors(errors: Partial<Record<MaterialField, string>>) {
      // The page's messages replace the shown ones, but a photo to pick again still says so.
      this.setData({ problems: { ...pickAgainProblems(this.data.requirements, this.data.lists), ...errors } });
    },
  },
  methods: {
    listRequirements() {
      const { service, residenceKind, reissueReason, fields } = this.properties;
      const requirements = requirementsFor(
        service as ApplicationKind,
        residenceKind as ResidenceKind,
        (reissueReason || undefined) as ReissueReason | undefined,
        // The property's empty default means every material: the apply flow passes none, a correction its own.
        (fields as string[]).length ? (fields as string[]) : undefined,
      );
      this.setData({ requirements });
    },
    /** A photo that can only be picked again says so under its material at once, with what to do. */
    sayPickAgain() {
      this.setData({ problems: { ...this.data.problems, ...pickAgainProblems(this.data.requirements, this.data.lists) } });
    },
    /** Kept photos' links expire and local copies vanish with a restart: ask the page for fresh links. */
    async refreshLinks() {
      const ids = fileIdsOf(this.data.lists);
      if (ids.length === 0) return;
      const result = await ask<Links>(this, 'links', { fileIds: ids });
      // Offline, the photos stay kept by their ids: the tiles may be blank, but the application is whole.
      if (!result.ok) return;
      this.setData({ lists: withLinks(this.data.lists, result.data) });
      this.sayPickAgain();
      this.triggerEvent('change', this.data.lists);
    },
    setItem(field: MaterialField, key: string, patch: Partial<UploadItem>) {
      const items = (this.data.lists[field] ?? []).map((i) => (i.key === key ? { ...i, ...patch } : i));
      this.setData({ [`lists.${field}`]: items });
      this.triggerEvent('change', this.data.lists);
    },
    async upload(field: MaterialField, key: string) {
      const item = (this.data.lists[field] ?? []).find((i) => i.key === key);
      if (!item) return;
      this.setItem(field, key, { status: 'uploading', message: '0%' });
      const onProgress = (percent: number) => this.setItem(field, key, { message: `${percent}%` });
      const result = await ask<Uploaded>(this, 'upload', { path: item.url, onProgress });
      if (result.ok) this.setItem(field, key, { status: 'done', message: '', fileId: result.data.fileId });
      else this.setItem(field, key, { status: 'failed', message: RETRY });
    },
    onAfterRead(event: VantEvent<{ file: { url?: string; tempFilePath?: string } | { url?: string; tempFilePath?: string }[] }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const files = Array.isArray(event.detail.file) ? event.detail.file : [event.detail.file];
      const existing = this.data.lists[field] ?? [];
      const added = files.map((f) => f.url ?? f.tempFilePath ?? '').filter((url) => url && !existing.some((i) => i.key === url));
      this.setData({ [`lists.${field}`]: [...existing, ...added.map(pickedItem)], [`problems.${field}`]: '' });
      added.forEach((url) => this.upload(field, url));
    },
    onDelete(event: VantEvent<{ index: number }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const items = [...(this.data.lists[field] ?? [])];
      items.splice(event.detail.index, 1);
      // What was said about this material was about the photos before: it is judged again on 下一步.
      this.setData({ [`lists.${field}`]: items, [`problems.${field}`]: '' });
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
      if (materials) this.triggerEvent('next', materials);
    },
  },
});
