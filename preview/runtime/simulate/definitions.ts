// Component() definitions recorded once per component module and replayed, for the preview
// (runtime/modules.ts) and the page tests (tests/pages/harness/simulate.ts) alike. miniprogram-simulate
// registers a component anew for every page it loads, running its module each time; but a module runs
// only once (it may hold state the whole app shares, as in WeChat; jest also ignores simulate's
// `delete require.cache[…]`), so the options its Component() call passed are kept and a fresh copy of
// them is passed again on every later load.

export type Definition = Record<string, unknown>;
type ComponentFn = (options: Definition) => void;

export interface DefinitionReplay {
  /**
   * Registers the component of `path`: the first time by running `load` (its module) and recording
   * what it passes to Component(); afterwards by passing a pristine copy of that again.
   */
  run(path: string, load: () => void): void;
  /** The options the module of `path` passed to Component() (undefined until it has run). */
  definitionOf(path: string): Definition | undefined;
}

export interface ReplayOptions {
  /** Adds to the options on their way to simulate's Component(), every time (what is recorded stays as given). */
  decorate?: (options: Definition) => Definition;
  /** Starts every error message, e.g. "preview: ". */
  label?: string;
}

/** Plain objects and arrays copied; functions and class instances shared, as re-running the file would. */
function pristine<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pristine) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pristine(inner)])) as T;
  }
  return value;
}

/** Wraps the global Component() (simulate's, so simulate must be loaded first) and answers the replay. */
export function replayDefinitions({ decorate = (options) => options, label = '' }: ReplayOptions = {}): DefinitionReplay {
  const globals = globalThis as unknown as { Component: ComponentFn };
  const simulateComponent = globals.Component;
  const definitions = new Map<string, Definition>();
  let capturing: string | undefined;

  globals.Component = (options) => {
    // Copied before simulate and j-component mutate it (relations, properties, behaviors).
    if (capturing && !definitions.has(capturing)) definitions.set(capturing, pristine(options));
    simulateComponent(decorate(options));
  };

  return {
    run(path, load) {
      const saved = definitions.get(path);
      if (saved) {
        globals.Component(pristine(saved));
        return;
      }
      capturing = path;
      try {
        load();
      } finally {
        capturing = undefined;
      }
      if (!definitions.has(path)) throw new Error(`${label}${path} did not call Component() (pages must be built with Component())`);
    },
    definitionOf: (path) => definitions.get(path),
  };
}
