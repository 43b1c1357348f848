// <picker>: a tap on its content opens a chooser. mode="selector" lists `range` (or each item's
// `range-key`) in a bottom sheet and reports change { value: index }; mode="date" and "time" use the
// browser's own date and time pickers and report change { value: "YYYY-MM-DD" | "hh:mm" }. Other
// modes (multiSelector, region) are not in the preview: a tap says so in the console.
import { showActionSheetOverlay } from '../wx/overlays';
import { defineBuiltIn, onTap, type BuiltIn } from './define';

function labelOf(item: unknown, key: string): string {
  if (item && typeof item === 'object' && key) return String((item as Record<string, unknown>)[key] ?? '');
  return String(item ?? '');
}

async function chooseFromRange(self: BuiltIn): Promise<void> {
  const range = Array.isArray(self.data.range) ? (self.data.range as unknown[]) : [];
  const index = await showActionSheetOverlay({ itemList: range.map((item) => labelOf(item, String(self.data.rangeKey ?? ''))) });
  if (index === undefined) self.triggerEvent('cancel', {});
  else self.triggerEvent('change', { value: index });
}

function chooseNative(self: BuiltIn, type: 'date' | 'time'): void {
  const input = document.createElement('input');
  input.type = type;
  input.className = 'wx-native-picker';
  input.value = String(self.data.value ?? '');
  if (self.data.start) input.min = String(self.data.start);
  if (self.data.end) input.max = String(self.data.end);
  document.body.appendChild(input);
  const done = (): void => input.remove();
  input.addEventListener('change', () => {
    if (input.value) self.triggerEvent('change', { value: input.value });
    done();
  });
  input.addEventListener('cancel', () => {
    self.triggerEvent('cancel', {});
    done();
  });
  input.addEventListener('blur', () => setTimeout(done, 0));
  try {
    input.showPicker();
  } catch {
    input.focus();
  }
}

export function registerPicker(): void {
  defineBuiltIn('picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: null, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      disabled: { type: Boolean, value: false },
    },
    attached() {
      onTap(this, () => {
        if (this.data.disabled) return;
        const mode = String(this.data.mode);
        if (mode === 'selector') void chooseFromRange(this);
        else if (mode === 'date' || mode === 'time') chooseNative(this, mode);
        else console.warn(`[preview] <picker mode="${mode}"> is not available in the browser preview`);
      });
    },
  });
}
