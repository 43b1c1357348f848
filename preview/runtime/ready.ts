// The `ready` lifetime for components that appear after the page is on screen (under wx:if, in
// a list that grows). j-component fires `ready` once, for the tree present when the page attaches;
// WeChat fires it for every component after its first render, and Vant starts work there
// (`mounted`: the collapse item reads its open state). A behaviour added to every component fires
// `ready` right after `attached` unless the page's attach already did.
import type { ExparserNode } from 'miniprogram-exparser';

type Node = ExparserNode & { __attached?: boolean; triggerLifeTime(name: string, args: unknown[]): void };
let behaviorId: string | undefined;
const fired = new WeakSet<object>();

export function readyBehavior(): string {
  if (behaviorId) return behaviorId;
  const define = (globalThis as unknown as { Behavior: (definition: object) => string }).Behavior;
  behaviorId = define({
    lifetimes: {
      attached(this: { _exparserNode: Node }) {
        const node = this._exparserNode;
        setTimeout(() => {
          if (!fired.has(node) && node.__attached) node.triggerLifeTime('ready', []);
        }, 0);
      },
      ready(this: { _exparserNode: Node }) {
        fired.add(this._exparserNode);
      },
    },
  });
  return behaviorId;
}
