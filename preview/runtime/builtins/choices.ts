// <checkbox>/<checkbox-group>, <radio>/<radio-group> and <switch> with WeChat's look and events:
// a tap toggles, the group reports change { value } (the checked values, or the chosen one) and a
// switch reports change { value: boolean }. Children (the label text) stay as they are.
import * as exparser from 'miniprogram-exparser';
import type { ExparserNode } from 'miniprogram-exparser';
import { defineBuiltIn, onTap, type BuiltIn } from './define';

function ancestor(node: ExparserNode, is: string): ExparserNode | undefined {
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (current.is === is) return current;
  }
  return undefined;
}

function descendants(node: ExparserNode, is: string, stopAt: string): ExparserNode[] {
  const found: ExparserNode[] = [];
  const visit = (current: ExparserNode): void => {
    for (const child of current.childNodes ?? []) {
      if (child.is === is) found.push(child);
      if (child.is !== stopAt) visit(child);
    }
  };
  visit(node);
  return found;
}

const caller = (node: ExparserNode): BuiltIn => exparser.Element.getMethodCaller(node) as BuiltIn;

/** A choice's state for screen readers, under the role its kind has. */
function choiceAria(self: BuiltIn, role: string) {
  return { role, 'aria-checked': String(!!self.data.checked), 'aria-disabled': self.data.disabled ? 'true' : undefined };
}

const choiceProperties = {
  value: { type: null, value: '' },
  checked: { type: Boolean, value: false },
  disabled: { type: Boolean, value: false },
};

export function registerChoices(): void {
  defineBuiltIn('checkbox-group', { properties: { name: { type: String, value: '' } }, aria: () => ({ role: 'group' }) });
  defineBuiltIn('checkbox', {
    properties: choiceProperties,
    reflect: ['checked', 'disabled'],
    aria() {
      return choiceAria(this, 'checkbox');
    },
    attached() {
      onTap(this, () => {
        if (this.data.disabled) return;
        this.setData({ checked: !this.data.checked });
        const group = ancestor(this._exparserNode, 'checkbox-group');
        if (!group) return;
        const value = descendants(group, 'checkbox', 'checkbox-group')
          .map(caller)
          .filter((box) => box.data.checked)
          .map((box) => box.data.value);
        caller(group).triggerEvent('change', { value });
      });
    },
  });

  defineBuiltIn('radio-group', { properties: { name: { type: String, value: '' } }, aria: () => ({ role: 'radiogroup' }) });
  defineBuiltIn('radio', {
    properties: choiceProperties,
    reflect: ['checked', 'disabled'],
    aria() {
      return choiceAria(this, 'radio');
    },
    attached() {
      onTap(this, () => {
        if (this.data.disabled || this.data.checked) return;
        const group = ancestor(this._exparserNode, 'radio-group');
        for (const other of group ? descendants(group, 'radio', 'radio-group') : []) caller(other).setData({ checked: false });
        this.setData({ checked: true });
        if (group) caller(group).triggerEvent('change', { value: this.data.value });
      });
    },
  });

  defineBuiltIn('switch', {
    properties: { checked: { type: Boolean, value: false }, disabled: { type: Boolean, value: false }, type: { type: String, value: 'switch' } },
    reflect: ['checked', 'disabled', 'type'],
    aria() {
      return choiceAria(this, this.data.type === 'checkbox' ? 'checkbox' : 'switch');
    },
    attached() {
      onTap(this, () => {
        if (this.data.disabled) return;
        this.setData({ checked: !this.data.checked });
        this.triggerEvent('change', { value: this.data.checked });
      });
    },
  });
}
