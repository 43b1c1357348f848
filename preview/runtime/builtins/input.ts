// <input> and <textarea> as real HTML controls, two-way: the app's value shows in the control, and
// typing fires WeChat's events — input { value, cursor, keyCode }, focus { value, height },
// blur { value, cursor }, confirm { value } — on the built-in, where bindinput & co. listen.
import { setAriaTarget } from '../aria';
import { defineBuiltIn, type BuiltIn } from './define';
import { stylePlaceholder } from './placeholder';

type Control = HTMLInputElement | HTMLTextAreaElement;
const controls = new WeakMap<HTMLElement, Control>();

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** What WeChat's keyboards let through for each input type. */
function filtered(type: string, value: string): string {
  if (type === 'number') return value.replace(/\D/g, '');
  if (type === 'digit') return value.replace(/[^\d.]/g, '').replace(/(\..*)\./g, '$1');
  if (type === 'idcard') return value.replace(/[^\dXx]/g, '').toUpperCase();
  return value;
}

function controlOf(self: BuiltIn, host: HTMLElement, tag: 'input' | 'textarea'): Control {
  let control = controls.get(host);
  if (control) return control;
  control = document.createElement(tag);
  control.className = 'wx-native-control';
  control.setAttribute('autocomplete', 'off');
  controls.set(host, control);
  host.appendChild(control);
  // The real control is what a screen reader reaches: a WXML aria-label names it.
  setAriaTarget(host, control);
  let keyCode = 0;
  const detail = (extra: Record<string, unknown> = {}) => ({ value: control!.value, cursor: control!.selectionStart ?? control!.value.length, ...extra });
  control.addEventListener('keydown', (event) => {
    keyCode = (event as KeyboardEvent).keyCode;
    event.stopPropagation();
    if ((event as KeyboardEvent).key === 'Enter' && tag === 'input') {
      self.triggerEvent('confirm', { value: control!.value });
      if (!self.data.confirmHold) control!.blur();
    }
  });
  control.addEventListener('input', (event) => {
    event.stopPropagation();
    const type = str(self.data.type);
    const value = filtered(type, control!.value);
    if (value !== control!.value) control!.value = value;
    self.triggerEvent('input', detail({ keyCode }));
  });
  control.addEventListener('change', (event) => event.stopPropagation());
  control.addEventListener('focus', () => self.triggerEvent('focus', { value: control!.value, height: 0 }));
  control.addEventListener('blur', () => self.triggerEvent('blur', detail()));
  return control;
}

function sync(self: BuiltIn, host: HTMLElement, tag: 'input' | 'textarea'): void {
  const control = controlOf(self, host, tag);
  const data = self.data;
  const value = str(data.value);
  if (control.value !== value) control.value = value;
  control.placeholder = str(data.placeholder);
  stylePlaceholder(host, control, str(data.placeholderClass), str(data.placeholderStyle));
  const disabled = !!data.disabled;
  // Not the disabled attribute: a disabled control swallows clicks, and WeChat still taps through.
  control.readOnly = disabled;
  control.tabIndex = disabled ? -1 : 0;
  host.toggleAttribute('wx-disabled', disabled);
  const max = Number(data.maxlength ?? 140);
  if (Number.isFinite(max) && max >= 0) control.maxLength = max;
  else control.removeAttribute('maxlength');
  if (control instanceof HTMLInputElement) {
    const type = str(data.type) || 'text';
    control.type = data.password || type === 'safe-password' ? 'password' : 'text';
    control.inputMode = type === 'number' || type === 'idcard' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
    control.enterKeyHint = str(data.confirmType) || 'done';
  } else {
    host.toggleAttribute('wx-auto-height', !!data.autoHeight);
  }
  if ((data.focus || data.autoFocus) && document.activeElement !== control && !disabled) {
    setTimeout(() => control.focus(), 0);
  }
}

const common = {
  value: { type: null, value: '' },
  placeholder: { type: String, value: '' },
  placeholderClass: { type: String, value: '' },
  placeholderStyle: { type: String, value: '' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: null, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: '' },
  confirmHold: { type: Boolean, value: false },
};

export function registerTextInputs(): void {
  defineBuiltIn('input', {
    properties: { ...common, type: { type: String, value: 'text' }, password: { type: Boolean, value: false } },
    update(host) {
      sync(this, host, 'input');
    },
  });
  defineBuiltIn('textarea', {
    properties: { ...common, autoHeight: { type: Boolean, value: false } },
    update(host) {
      sync(this, host, 'textarea');
    },
  });
}
