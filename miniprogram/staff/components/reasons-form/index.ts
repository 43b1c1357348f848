// 不予通过: one or more reasons, each in its own field, sent together so the resident sees every one.
import { checkReason, MAX_REASONS, REASON_MAX } from './model';

interface Reason {
  /** Stays with the reason when an earlier one is removed, so its field keeps its text. */
  key: number;
  label: string;
  text: string;
  error: string;
}

let nextKey = 0;
const blank = (): Reason => ({ key: ++nextKey, label: '', text: '', error: '' });

type IndexDataset = { index: number };

Component({
  options: { addGlobalClass: true },
  properties: {
    /** The server's message about the reasons as a whole. */
    error: { type: String, value: '' },
    busy: { type: Boolean, value: false },
  },
  data: {
    reasons: [{ ...blank(), label: '理由1' }] as Reason[],
    canAdd: true,
    canRemove: false,
    max: REASON_MAX,
  },
  methods: {
    setReasons(reasons: Reason[]) {
      const labelled = reasons.map((r, i) => ({ ...r, label: `理由${i + 1}` }));
      this.setData({ reasons: labelled, canAdd: reasons.length < MAX_REASONS, canRemove: reasons.length > 1 });
    },
    onInput(event: VantEvent<string, IndexDataset>) {
      const { index } = event.currentTarget.dataset;
      this.setData({ [`reasons[${index}].text`]: event.detail, [`reasons[${index}].error`]: '' });
    },
    onAdd() {
      if (this.data.canAdd) this.setReasons([...this.data.reasons, blank()]);
    },
    onRemove(event: VantEvent<unknown, IndexDataset>) {
      const { index } = event.currentTarget.dataset;
      if (this.data.canRemove) this.setReasons(this.data.reasons.filter((_, i) => i !== index));
    },
    onSubmit() {
      const checked = this.data.reasons.map((r) => ({ ...r, error: checkReason(r.text) }));
      if (checked.some((r) => r.error)) return this.setReasons(checked);
      this.triggerEvent('submit', { reasons: checked.map((r) => r.text.trim()) });
    },
  },
});
