// Registers a WeChat built-in (wx-input, wx-image…) as a j-component whose inside is real HTML,
// replacing the empty <slot/> stand-in miniprogram-simulate registers under the same id.
import type { ExparserNode, MethodCaller } from 'miniprogram-exparser';
import jComponent, { type JComponentDefinition } from 'j-component';
import { setDefaultAria, type AriaValues } from '../aria';

export interface BuiltIn extends MethodCaller {
  _exparserNode: ExparserNode;
}

interface BuiltInDefinition {
  properties?: Record<string, { type: unknown; value?: unknown }>;
  /** Properties shown as `wx-<name>` attributes on the host element, for the base stylesheet. */
  reflect?: string[];
  /** The built-in's own role and state for screen readers (a WXML aria-* overrides each). */
  aria?(this: BuiltIn): AriaValues;
  /** Called once the host element exists and whenever a property changes. */
  update?(this: BuiltIn, host: HTMLElement): void;
  attached?(this: BuiltIn, host: HTMLElement): void;
  detached?(this: BuiltIn, host: HTMLElement): void;
}

export const hostOf = (self: BuiltIn): HTMLElement => self._exparserNode.$$ as HTMLElement;

const dash = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function defineBuiltIn(name: string, definition: BuiltInDefinition): void {
  const properties = definition.properties ?? {};
  const attachedHosts = new WeakSet<HTMLElement>();
  const refresh = function (this: BuiltIn): void {
    const host = hostOf(this);
    if (!host || !attachedHosts.has(host)) return;
    for (const prop of definition.reflect ?? []) {
      const value = this.data[prop];
      if (value === false || value === undefined || value === null || value === '') host.removeAttribute(`wx-${dash(prop)}`);
      else host.setAttribute(`wx-${dash(prop)}`, value === true ? '' : String(value));
    }
    if (definition.aria) setDefaultAria(host, definition.aria.call(this));
    definition.update?.call(this, host);
  };
  const observed = Object.keys(properties);
  const spec: JComponentDefinition = {
    id: name,
    tagName: `wx-${name}`,
    template: '<slot/>',
    properties,
    lifetimes: {
      attached(this: BuiltIn) {
        const host = hostOf(this);
        attachedHosts.add(host);
        definition.attached?.call(this, host);
        refresh.call(this);
      },
      detached(this: BuiltIn) {
        definition.detached?.call(this, hostOf(this));
      },
    },
    ...(observed.length ? { observers: { [observed.join(', ')]: refresh } } : {}),
  };
  jComponent.register(spec);
}

/** Runs `handler` on taps of the built-in itself (a tap anywhere inside it bubbles up to it). */
export function onTap(self: BuiltIn, handler: () => void): void {
  (self._exparserNode as unknown as { addListener(name: string, fn: () => void): void }).addListener('tap', handler);
}
