// WXML's accessibility attributes on built-ins as real DOM accessibility, the way WeChat's screen
// reader reads them: aria-role becomes role, every other aria-* stays as it is. Built-ins also get
// their own role and state (a button, a link, a checked switch), and a WXML aria-* always wins over
// those. wcc passes them camel-cased (ariaRole), and j-component drops what a component does not
// declare, so they are taken here, from every tree it renders and every diff it applies. Custom
// components (Vant's) do not get them: like any attribute, they reach one only as a declared property.
import type { ExparserNode } from 'miniprogram-exparser';
import { render, type Attr, type VirtualTree } from '../vendor/j-component.cjs';

export type AriaValues = Record<string, string | undefined>;

const fromWxml = new WeakMap<HTMLElement, AriaValues>();
const defaults = new WeakMap<HTMLElement, AriaValues>();
/** Where a built-in's accessibility lives when that is not its host (an input's real <input>). */
const targets = new WeakMap<HTMLElement, HTMLElement>();

/** wcc hands attributes over camel-cased (aria-role → ariaRole), as WeChat's built-ins take them. */
const ARIA = /^aria(-[a-z]|[A-Z])/;
function domName(name: string): string {
  const dashed = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return dashed === 'aria-role' ? 'role' : dashed;
}
const text = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));

function write(host: HTMLElement): void {
  const own = fromWxml.get(host) ?? {};
  const given = defaults.get(host) ?? {};
  const target = targets.get(host) ?? host;
  for (const name of new Set([...Object.keys(own), ...Object.keys(given)])) {
    let value = own[name] ?? given[name];
    // An image no one named is decoration, as WeChat's screen reader skips it.
    if (name === 'role' && own.role === undefined && value === 'img' && !own['aria-label']) value = 'presentation';
    if (value === undefined) target.removeAttribute(name);
    else target.setAttribute(name, value);
  }
}

/** A built-in's own role and state; undefined removes one. WXML's aria-* still wins. */
export function setDefaultAria(host: HTMLElement, values: AriaValues): void {
  defaults.set(host, { ...defaults.get(host), ...values });
  write(host);
}

/** Sends a built-in's accessibility to `target` (a control inside it) instead of its host. */
export function setAriaTarget(host: HTMLElement, target: HTMLElement): void {
  for (const name of Object.keys({ ...fromWxml.get(host), ...defaults.get(host) })) host.removeAttribute(name);
  targets.set(host, target);
  write(host);
}

function takeWxml(node: ExparserNode, attrs: readonly Attr[]): void {
  const host = node.$$;
  if (!(host instanceof HTMLElement) || !host.localName.startsWith('wx-')) return;
  const aria = attrs.filter((attr) => ARIA.test(attr.name));
  if (!aria.length) return;
  const own = fromWxml.get(host) ?? {};
  for (const { name, value } of aria) own[domName(name)] = text(value);
  fromWxml.set(host, own);
  write(host);
}

function takeTree(tree: VirtualTree): void {
  if (tree.exparserNode && tree.attrs) takeWxml(tree.exparserNode as ExparserNode, tree.attrs);
  for (const child of tree.children ?? []) takeTree(child);
}

export function installAria(): void {
  // A new tree's own nodes get their attributes inside j-component, past the module's updateAttrs.
  const renderTree = render.renderExparserNode;
  render.renderExparserNode = (tree, shadowRootHost, shadowRoot) => {
    const node = renderTree(tree, shadowRootHost, shadowRoot);
    takeTree(tree);
    return node;
  };
  const updateAttrs = render.updateAttrs;
  render.updateAttrs = (node, attrs) => {
    updateAttrs(node, attrs);
    takeWxml(node as ExparserNode, attrs);
  };
}
