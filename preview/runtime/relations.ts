// Component relations per page load. j-component maps a relation path to the id of the component
// registered last under that path, so once a second page loads, the first page's van-radio would
// look for the second page's van-radio-group. WeChat resolves relations within the page's own
// component tree; here each simulate.load() is a group and lookups stay inside it. A relation with
// no partner answers [] as on a device (Vant reads `getRelationNodes(path)[0]`).
import * as exparser from 'miniprogram-exparser';
import type { ExparserNode, MethodCaller } from 'miniprogram-exparser';
import jComponent from 'j-component';

type Group = Map<string, string>; // normalized component path → registered id
const registered = new Map<string, { group: Group; path: string }>();
let current: Group | undefined;

const normalize = (path: string): string => path.split('/').filter(Boolean).join('/');

function relativeTo(basePath: string, relative: string): string {
  const parts = normalize(basePath).split('/');
  parts.pop();
  const out: string[] = [];
  for (const part of normalize(`${parts.join('/')}/${relative}`).split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** Runs `load` (one simulate.load) with its registrations recorded as one group, returned too. */
export function inLoadGroup<T>(load: () => T): { result: T; group: ReadonlyMap<string, string> } {
  const group: Group = new Map();
  current = group;
  try {
    return { result: load(), group };
  } finally {
    current = undefined;
  }
}

export function installRelationScoping(): void {
  const register = jComponent.register.bind(jComponent);
  jComponent.register = (definition) => {
    const id = register(definition);
    if (current && typeof definition.path === 'string') {
      current.set(normalize(definition.path), id);
      registered.set(id, { group: current, path: definition.path });
    }
    return id;
  };

  const setMethodCaller = exparser.Element.setMethodCaller;
  exparser.Element.setMethodCaller = function scopedSetMethodCaller(node: ExparserNode, caller: MethodCaller) {
    const fallback = caller.getRelationNodes;
    if (typeof fallback === 'function') {
      caller.getRelationNodes = (key: string) => {
        const own = registered.get(node.is);
        if (!own) return fallback(key) ?? [];
        const targetId = own.group.get(relativeTo(own.path, key));
        if (!targetId) return [];
        return (node.getRelationNodes(targetId) ?? []).map((other) => exparser.Element.getMethodCaller(other));
      };
    }
    // WeChat batches a group of setData calls into one render; applying them one by one is equivalent here.
    caller.groupSetData ??= (callback: () => void) => callback();
    setMethodCaller.call(this, node, caller);
  };
}
