// Types of j-component.cjs beside this file: the slice of j-component's internals we use.

/** An exparser node as these internals see it (its full shape lives with each user). */
type Node = object;

export interface Attr {
  name: string;
  value: unknown;
}

export interface Utils {
  /** Converts the rpx of an inline style; assignable, as the preview converts rpx its own way. */
  transformRpx(style: string, keepZero?: boolean): string;
  /** The tag name the component registered under `id` renders as (its classes are prefixed with it). */
  getTagName(id: string): string | undefined;
}

/** A node of j-component's virtual tree; once rendered it holds its exparser node. */
export interface VirtualTree {
  attrs?: Attr[];
  children?: VirtualTree[];
  exparserNode?: Node;
}

export interface Render {
  updateAttrs(node: Node, attrs: Attr[]): void;
  /** Renders a virtual tree (a whole component's, or a subtree a diff adds); its children go through the inner function. */
  renderExparserNode(tree: VirtualTree, shadowRootHost: Node | null, shadowRoot: Node | null): Node;
}

export declare const utils: Utils;
export declare const render: Render;
/** j-component's wrapper of a rendered node (querySelector, dispatchEvent, dom…), for nodes it did not wrap itself. */
export declare const ComponentNode: new (node: Node) => unknown;
