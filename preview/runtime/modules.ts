// Runs component modules for miniprogram-simulate's runJs. A bundled module runs once (it may hold
// state the whole app shares, as in WeChat), but simulate registers components anew for every page
// it loads; so the options a module passes to Component() are kept and replayed as a fresh copy.
import { components } from 'preview:app';
import { readyBehavior } from './ready';

type Definition = Record<string, unknown>;
type ComponentFn = (options: Definition) => void;

const definitions = new Map<string, Definition>();
let capturing: string | undefined;

/** Plain objects and arrays copied; functions and class instances shared, as re-running the file would. */
function pristine<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pristine) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pristine(inner)])) as T;
  }
  return value;
}

/** Wraps simulate's global Component() so the first call of each module is recorded. */
export function captureComponentDefinitions(): void {
  const globals = globalThis as unknown as { Component: ComponentFn };
  const simulateComponent = globals.Component;
  globals.Component = (options) => {
    // Copy before simulate and j-component mutate it (relations, properties, behaviors).
    if (capturing && !definitions.has(capturing)) definitions.set(capturing, pristine(options));
    const behaviors = Array.isArray(options.behaviors) ? options.behaviors : [];
    simulateComponent({ ...options, behaviors: [...behaviors, readyBehavior()] });
  };
}

export function runComponent(path: string): void {
  const saved = definitions.get(path);
  const globals = globalThis as unknown as { Component: ComponentFn };
  if (saved) {
    globals.Component(pristine(saved));
    return;
  }
  const load = components[path];
  if (!load) throw new Error(`preview: ${path} is not in the build (is it reachable from app.json?)`);
  capturing = path;
  try {
    load();
  } finally {
    capturing = undefined;
  }
  if (!definitions.has(path)) throw new Error(`preview: ${path} did not call Component() (pages must be built with Component())`);
}

/** The options a component module passed to Component() (undefined until it has run). */
export function definitionOf(path: string): Definition | undefined {
  return definitions.get(path);
}
