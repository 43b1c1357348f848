// The slice of j-component (miniprogram-simulate's renderer on top of exparser) the preview touches.
import type { ExparserNode, MethodCaller } from 'miniprogram-exparser';

export interface JComponentDefinition {
  id?: string;
  path?: string;
  tagName?: string;
  template?: string;
  properties?: Record<string, unknown>;
  data?: Record<string, unknown>;
  // Functions run with the component's method caller as `this`.
  methods?: Record<string, (...args: never[]) => unknown>;
  lifetimes?: Record<string, () => void>;
  observers?: Record<string, (...values: never[]) => void>;
  behaviors?: unknown[];
  options?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RootComponent {
  readonly dom: HTMLElement;
  readonly instance: MethodCaller;
  readonly data: Record<string, unknown>;
  _exparserNode: ExparserNode;
  attach(parent: Element): void;
  detach(): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

interface JComponent {
  register(definition: JComponentDefinition): string;
  create(id: string, properties?: Record<string, unknown>): RootComponent;
}
declare const jComponent: JComponent;
export default jComponent;
