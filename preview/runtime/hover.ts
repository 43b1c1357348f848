// hover-class: the pressed look WeChat gives an element with `hover-class` (Vant's buttons and
// clickable cells) while a finger is on it, after hover-start-time and for hover-stay-time after.
// j-component does not implement it; the touch bridge calls press/release.
import type { ExparserNode } from 'miniprogram-exparser';
import { utils as jComponentUtils } from '../vendor/j-component.cjs';

interface Rendered extends ExparserNode {
  _vt?: { attrs?: { name: string; value: unknown }[] };
  ownerShadowRoot?: (ExparserNode & { getHostNode?: () => ExparserNode | undefined }) | null;
}

interface Pressed {
  element: Element;
  classes: string[];
  stay: number;
}

let pressed: Pressed[] = [];
let startTimer: number | undefined;

// wcc hands attributes over camel-cased (hoverClass); j-component's own templates keep dashes.
const attr = (node: Rendered, name: string): unknown => {
  const camel = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return node._vt?.attrs?.find((a) => a.name === camel || a.name === name)?.value;
};

/** Classes as the element's owner renders them: "<owner tag>--<name>". */
function prefixed(node: Rendered, value: string): string[] {
  const host = node.ownerShadowRoot?.getHostNode?.();
  const tag = host ? jComponentUtils.getTagName(host.is) : undefined;
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => (tag ? `${tag}--${name}` : name));
}

export function press(target: Element): void {
  release(true);
  const found: Pressed[] = [];
  let delay = 50;
  for (let el: Element | null = target; el && !el.classList.contains('wx-page-frame'); el = el.parentElement) {
    const node = (el as unknown as { __wxElement?: Rendered }).__wxElement;
    const value = node && attr(node, 'hover-class');
    if (!node || typeof value !== 'string' || !value || value === 'none') continue;
    found.push({ element: el, classes: prefixed(node, value), stay: Number(attr(node, 'hover-stay-time') ?? 400) });
    delay = Number(attr(node, 'hover-start-time') ?? 50);
    if (attr(node, 'hover-stop-propagation')) break;
  }
  if (!found.length) return;
  startTimer = window.setTimeout(() => {
    pressed = found;
    for (const { element, classes } of found) element.classList.add(...classes);
  }, delay);
}

/** Finger lifted (after hover-stay-time) or moved away (`now`). */
export function release(now = false): void {
  clearTimeout(startTimer);
  for (const { element, classes, stay } of pressed) {
    window.setTimeout(() => element.classList.remove(...classes), now ? 0 : stay);
  }
  pressed = [];
}
