// Runs component modules for miniprogram-simulate's runJs: each bundled module runs once and its
// Component() options are replayed for every later page load (simulate/definitions.ts, shared with
// the page tests); every component also gets the preview's `ready` behaviour.
import { components } from 'preview:app';
import { readyBehavior } from './ready';
import { replayDefinitions, type Definition, type DefinitionReplay } from './simulate/definitions';

let replay: DefinitionReplay | undefined;

/** Wraps simulate's global Component() so the first call of each module is recorded. */
export function captureComponentDefinitions(): void {
  replay = replayDefinitions({
    label: 'preview: ',
    decorate: (options) => {
      const behaviors = Array.isArray(options.behaviors) ? options.behaviors : [];
      return { ...options, behaviors: [...behaviors, readyBehavior()] };
    },
  });
}

export function runComponent(path: string): void {
  if (!replay) throw new Error('preview: runComponent before captureComponentDefinitions');
  replay.run(path, () => {
    const load = components[path];
    if (!load) throw new Error(`preview: ${path} is not in the build (is it reachable from app.json?)`);
    load();
  });
}

/** The options a component module passed to Component() (undefined until it has run). */
export function definitionOf(path: string): Definition | undefined {
  return replay?.definitionOf(path);
}
