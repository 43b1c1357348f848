// 要求补正: the reviewer ticks every item that needs correcting and says how, then sends them all at once.
import { checkCorrection, itemOptions, MESSAGE_MAX, submitLabel, type ItemOption } from './model';

type IndexDataset = { index: number };

Component({
  options: { addGlobalClass: true },
  properties: {
    /** The items this application can be asked to correct (correctableItems of the domain). */
    items: { type: Array, value: [] as string[] },
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
      this.build(this.properties.items as string[]);
    },
  },
  observers: {
    items(items: string[]) {
      this.build(items);
    },
    errors(errors: Record<string, string>) {
      const shown = JSON.stringify(errors);
      if (shown === this.data.errorsShown) return;
      this.setData({ errorsShown: shown });
      this.showErrors(errors[''] ?? '', errors);
    },
  },
  methods: {
    build(items: string[]) {
      const key = items.join(' ');
      if (key === this.data.builtFor) return;
      const options = itemOptions(items);
      this.setData({ builtFor: key, options, formError: '', submitLabel: submitLabel(options) });
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
