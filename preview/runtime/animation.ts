// The `animation` attribute (wx.createAnimation().export(), e.g. Vant's collapse opening) played
// with the Web Animations API. j-component applies each step as inline style and waits for
// transitionend, but the node's style attribute is rewritten on every re-render and a step with
// nothing to transition never ends; animations sit above inline style and finish on their own.
import type { ExparserNode } from 'miniprogram-exparser';
import { render, type Attr } from '../vendor/j-component.cjs';
import { rpxToPx } from './rpx';

interface Animate {
  type: string;
  args: (string | number)[];
}
interface Action {
  animates: Animate[];
  option: { transformOrigin?: string; transition: { duration: number; timingFunction: string; delay: number } };
}

const played = new WeakMap<Element, string>();
const px = (value: string | number): string => (typeof value === 'number' ? `${value}px` : rpxToPx(String(value)));
const deg = (value: string | number): string => `${value}deg`;

function transformOf(animates: Animate[]): string {
  return animates
    .filter(({ type }) => type !== 'style')
    .map(({ type, args }) => {
      if (/^translate/.test(type)) return `${type}(${args.map(px).join(',')})`;
      if (/^(rotate|skew)[XYZ]?$/.test(type)) return `${type}(${args.map(deg).join(',')})`;
      if (type === 'rotate3d') return `rotate3d(${args.slice(0, 3).join(',')},${deg(args[3] ?? 0)})`;
      return `${type}(${args.join(',')})`;
    })
    .join(' ');
}

function keyframeOf(action: Action): Record<string, string> {
  const frame: Record<string, string> = {};
  for (const { type, args } of action.animates) {
    if (type === 'style') frame[String(args[0]).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = px(args[1] ?? '');
  }
  const transform = transformOf(action.animates);
  if (transform) frame.transform = transform;
  return frame;
}

async function play(element: HTMLElement, actions: Action[]): Promise<void> {
  const token = JSON.stringify(actions);
  if (played.get(element) === token) return;
  played.set(element, token);
  for (const action of actions) {
    if (played.get(element) !== token) return; // a newer animation took over
    const to = keyframeOf(action);
    const computed = getComputedStyle(element);
    const from = Object.fromEntries(Object.keys(to).map((key) => [key, computed.getPropertyValue(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))]));
    const { duration, timingFunction, delay } = action.option.transition;
    const previous = element.getAnimations();
    if (action.option.transformOrigin) element.style.transformOrigin = action.option.transformOrigin;
    const animation = element.animate([from, to], {
      duration,
      delay,
      easing: timingFunction === 'step-start' || timingFunction === 'step-end' ? timingFunction : timingFunction || 'linear',
      fill: 'forwards',
    });
    previous.forEach((old) => old.cancel());
    await animation.finished.catch(() => undefined);
  }
}

export function installAnimations(): void {
  const updateAttrs = render.updateAttrs;
  render.updateAttrs = (node: ExparserNode, attrs: Attr[]) => {
    const animation = attrs.find((attr) => attr.name === 'animation');
    updateAttrs(node, animation ? attrs.filter((attr) => attr !== animation) : attrs);
    const value = animation?.value as { actions?: Action[] } | undefined;
    if (node.$$ instanceof HTMLElement && value?.actions?.length) void play(node.$$, value.actions);
  };
}
