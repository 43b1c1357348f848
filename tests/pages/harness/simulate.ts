// miniprogram-simulate, loaded once per test file and patched for this project.
//
// 1. npm-style usingComponents ("@vant/weapp/button/index"): simulate 1.6.2 only resolves
//    relative/absolute paths and silently drops the rest. We wrap its JSON reader and rewrite such
//    entries to a relative path into the nearest miniprogram_npm/ (searched upwards from the
//    component, like WeChat's own lookup). Passing `usingComponents` to simulate.load() instead
//    would be merged into *every* component's JSON (it mutates each one), which breaks Vant.
// 2. Re-loading a component: simulate runs each component file with require() and then tries
//    `delete require.cache[...]`, which jest ignores, so a second load of the same page in one
//    test file would never call Component() again. The preview's replay (simulate/definitions.ts)
//    records the options each file passes to Component() and replays a pristine copy on later
//    loads. Modules stay shared inside a test file (as inside one running mini-program), so no
//    jest.isolateModules() is needed.
// 3. getRelationNodes: j-component answers null for a relation whose other side was never
//    loaded (van-checkbox without a van-checkbox-group); WeChat answers an empty list, which Vant
//    relies on (`this.parent` reads `getRelationNodes(path)[0]`). We answer [] as WeChat does.
// 4. Created instances: every instance of a component registered from a file is announced, with that
//    file, to the listeners of onComponentCreated (the setData meter wraps its setData there).
import * as fs from 'fs';
import * as path from 'path';
import * as simulate from 'miniprogram-simulate';
import { replayDefinitions } from '../../../preview/runtime/simulate/definitions';
import * as simulateInternals from '../../../preview/vendor/miniprogram-simulate.cjs';

// index.js calls `_.readJson(...)` / `_.runJs(...)` through this object at call time.
const utils = simulateInternals.utils();

/** "@vant/weapp/button/index" -> "../../miniprogram_npm/@vant/weapp/button/index" (relative to the component dir). */
function resolveNpmComponent(fromDir: string, request: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    for (const candidate of [request, `${request}/index`]) {
      const target = path.join(dir, 'miniprogram_npm', candidate);
      if (fs.existsSync(`${target}.json`)) return path.relative(fromDir, target).split(path.sep).join('/');
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isNpmStyle(value: string): boolean {
  return !value.startsWith('.') && !value.startsWith('/') && !value.includes('://');
}

const originalReadJson = utils.readJson;
utils.readJson = (filePath) => {
  const json = originalReadJson(filePath);
  const using = json?.usingComponents;
  if (!using) return json;
  for (const [tag, value] of Object.entries(using)) {
    if (!isNpmStyle(value)) continue;
    const resolved = resolveNpmComponent(path.dirname(filePath), value);
    if (!resolved) {
      throw new Error(`${filePath}: usingComponents["${tag}"] = "${value}" not found in any miniprogram_npm (run: node scripts/pack-npm.mjs)`);
    }
    using[tag] = resolved;
  }
  return json;
};

// ---- getRelationNodes as on a device (see 3. above) ----
interface MethodCaller {
  getRelationNodes?: (key: string) => unknown[] | null;
}
// exparser ships no types (the preview declares its own slice in preview/types); this needs one function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exparser: { Element: { setMethodCaller(node: unknown, caller: MethodCaller): void } } = require('miniprogram-exparser');
const setMethodCaller = exparser.Element.setMethodCaller;
exparser.Element.setMethodCaller = function patchedSetMethodCaller(node, caller) {
  const getRelationNodes = caller.getRelationNodes;
  if (typeof getRelationNodes === 'function') caller.getRelationNodes = (key) => getRelationNodes(key) ?? [];
  setMethodCaller.call(this, node, caller);
};

// ---- created instances (see 4. above) ----
/** Called with each new instance (`this` of its methods) and the file its Component() came from (no extension). */
export type ComponentCreated = (instance: WechatMiniprogram.Component.TrivialInstance, file: string) => void;
// On globalThis, like the wx state: every copy of this module announces to the same listeners.
const CREATED_LISTENERS = Symbol.for('pages-harness.component-created');
function createdListeners(): Set<ComponentCreated> {
  const g = globalThis as typeof globalThis & { [CREATED_LISTENERS]?: Set<ComponentCreated> };
  return (g[CREATED_LISTENERS] ??= new Set());
}
export function onComponentCreated(listener: ComponentCreated): void {
  createdListeners().add(listener);
}

type Lifetime = (this: WechatMiniprogram.Component.TrivialInstance, ...args: unknown[]) => void;
/** The file whose Component() is being registered: replay.run calls decorate synchronously inside it. */
let registering: string | undefined;
function announceCreated(options: Record<string, unknown>): Record<string, unknown> {
  const file = registering;
  if (!file) return options;
  const lifetimes = (options.lifetimes ?? {}) as Record<string, Lifetime | undefined>;
  // lifetimes.created wins over a top-level created (as in WeChat), so the one the file gave is called from here.
  const created = lifetimes.created ?? (options.created as Lifetime | undefined);
  return {
    ...options,
    lifetimes: {
      ...lifetimes,
      created(this: WechatMiniprogram.Component.TrivialInstance, ...args: unknown[]) {
        for (const listener of createdListeners()) listener(this, file);
        created?.apply(this, args);
      },
    },
  };
}

// ---- replay Component() definitions (see 2. above) ----
const replay = replayDefinitions({ decorate: announceCreated });

const runJs = (filePath: string): void =>
  replay.run(filePath, () => {
    // Goes through jest's module system: resolves index.ts before index.js and transforms it with ts-jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(filePath);
    if (!replay.definitionOf(filePath)) {
      // The module was already in jest's registry (e.g. a test imported it) so Component() did not run.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => require(filePath));
    }
  });
utils.runJs = (filePath) => {
  registering = filePath.replace(/\.(ts|js)$/, '');
  try {
    runJs(filePath);
  } finally {
    registering = undefined;
  }
};

// ---- wcc input lists ----
// miniprogram-compiler globs **/*.wxml itself, but its glob 7 does not descend into a symlinked
// miniprogram_npm (the fixture root uses one), so we list files ourselves, following symlinks.
// Lists are per root and per test file (wcc then compiles each root once per file).
const fileLists = new Map<string, { wxmlList: string[]; wxsList: string[] }>();
export function compilerFileLists(rootPath: string): { wxmlList: string[]; wxsList: string[] } {
  let lists = fileLists.get(rootPath);
  if (lists) return lists;
  lists = { wxmlList: [], wxsList: [] };
  const walk = (rel: string): void => {
    for (const name of fs.readdirSync(path.join(rootPath, rel))) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${name}` : name;
      const stat = fs.statSync(path.join(rootPath, relPath)); // statSync follows symlinks
      if (stat.isDirectory()) walk(relPath);
      else if (name.endsWith('.wxml')) lists!.wxmlList.push(relPath);
      else if (name.endsWith('.wxs')) lists!.wxsList.push(relPath);
    }
  };
  walk('');
  fileLists.set(rootPath, lists);
  return lists;
}

export { simulate };
