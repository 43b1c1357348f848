// Step 4: the photos the service and kind of residence need. Each photo uploads on its own with its
// progress, and a failed one is retried by tapping it or removed; nothing already uploaded is lost.
import type { ApplicationKind, ReissueReason, ResidenceKind } from '../../domain/contract';
import type { MaterialField, MaterialRequirement } from '../../domain/materials';
import { uploadPhoto } from '../../services/files';
import { materialsOf, requirementsFor, restoreLists, type UploadItem, type UploadLists } from './model';

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
  },
  data: {
    requirements: [] as (MaterialRequirement & { max: number })[],
    lists: {} as UploadLists,
    missing: '',
  },
  lifetimes: {
    attached() {
      this.setData({ lists: restoreLists(this.properties.initial) });
      this.listRequirements();
    },
  },
  observers: {
    // A correction can change the kind of residence, and with it which materials there are to upload.
    'service, residenceKind, reissueReason, fields'() {
      this.listRequirements();
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
    setItem(field: MaterialField, url: string, patch: Partial<UploadItem>) {
      const items = (this.data.lists[field] ?? []).map((i) => (i.url === url ? { ...i, ...patch } : i));
      this.setData({ [`lists.${field}`]: items });
      this.triggerEvent('change', this.data.lists);
    },
    async upload(field: MaterialField, url: string) {
      this.setItem(field, url, { status: 'uploading', message: '0%' });
      const result = await uploadPhoto(url, (percent) => this.setItem(field, url, { message: `${percent}%` }));
      if (result.ok) this.setItem(field, url, { status: 'done', message: '', fileId: result.data.fileId });
      else this.setItem(field, url, { status: 'failed', message: '点击重试' });
    },
    onAfterRead(event: VantEvent<{ file: { url?: string; tempFilePath?: string } | { url?: string; tempFilePath?: string }[] }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const files = Array.isArray(event.detail.file) ? event.detail.file : [event.detail.file];
      const existing = this.data.lists[field] ?? [];
      const added = files.map((f) => f.url ?? f.tempFilePath ?? '').filter((url) => url && !existing.some((i) => i.url === url));
      this.setData({ [`lists.${field}`]: [...existing, ...added.map((url) => ({ url, status: 'uploading', message: '0%' }))], missing: '' });
      added.forEach((url) => this.upload(field, url));
    },
    onDelete(event: VantEvent<{ index: number }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const items = [...(this.data.lists[field] ?? [])];
      items.splice(event.detail.index, 1);
      this.setData({ [`lists.${field}`]: items });
      this.triggerEvent('change', this.data.lists);
    },
    onTapItem(event: VantEvent<{ index: number }, FieldDataset>) {
      const { field } = event.currentTarget.dataset;
      const item = (this.data.lists[field] ?? [])[event.detail.index];
      if (item && item.status === 'failed') this.upload(field, item.url);
    },
    onNext() {
      const { materials, missing } = materialsOf(this.data.requirements, this.data.lists);
      if (!materials) {
        this.setData({ missing: missing ?? '' });
        return;
      }
      this.triggerEvent('next', materials);
    },
  },
});
