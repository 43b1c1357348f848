// 要求补正: the reviewer ticks every item that needs correcting and says how, then sends them all at once.
import type { ApplicationKind } from '../../../domain/contract';
import { checkCorrection, itemOptions, MESSAGE_MAX, submitLabel, type ItemOption } from './model';

type IndexDataset = { index: number };

Component({
  options: { addGlobalClass: true },
  properties: {
    kind: { type: String, value: 'declaration' },
    /** The server's errors, keyed by item ('' for the request as a whole). */
    errors: { type: Object, value: {} },
    busy: { type: Boolean, value: false },
  },
  data: {
    // What the form was last built and marked for: a parent re-render sets the same values again,
    // which must not wipe what the reviewer has ticked and typed.
    builtFor: '',
    errorsShown: '{}',
    options: [] as ItemOption[],
    formError: '',
    submitLabel: '发送补正通知',
    max: MESSAGE_MAX,
  },
  lifetimes: {
    attached() {
      this.build(this.properties.kind);
    },
  },
  observers: {
    kind(kind: string) {
      this.build(kind);
    },
    errors(errors: Record<string, string>) {
      const shown = JSON.stringify(errors);
      if (shown === this.data.errorsShown) return;
      this.setData({ errorsShown: shown });
      this.showErrors(errors[''] ?? '', errors);
    },
  },
  methods: {
    build(kind: string) {
      if (kind === this.data.builtFor) return;
      const options = itemOptions(kind as ApplicationKind);
      this.setData({ builtFor: kind, options, formError: '', submitLabel: submitLabel(options) });
    },
    showErrors(formError: string, itemErrors: Record<string, string>) {
      this.setData({ formError, options: this.data.options.map((o) => ({ ...o, error: itemErrors[o.item] ?? '' })) });
    },
    onToggle(event: VantEvent<boolean, IndexDataset>) {
      const { index } = event.currentTarget.dataset;
      const options = this.data.options.map((o, i) => (i === index ? { ...o, checked: event.detail, error: '' } : o));
      this.setData({ options, formError: '', submitLabel: submitLabel(options) });
    },
    onMessage(event: VantEvent<string, IndexDataset>) {
      const { index } = event.currentTarget.dataset;
      this.setData({ [`options[${index}].message`]: event.detail, [`options[${index}].error`]: '' });
    },
    onSubmit() {
      const checked = checkCorrection(this.data.options);
      if ('items' in checked) this.triggerEvent('submit', { items: checked.items });
      else this.showErrors(checked.formError, checked.itemErrors);
    },
  },
});
