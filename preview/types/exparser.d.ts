// The slice of miniprogram-exparser (WeChat's component framework) the preview touches.
export interface ExparserNode {
  is: string;
  $$?: Node;
  childNodes: ExparserNode[];
  shadowRoot?: ExparserNode;
  parentNode: ExparserNode | null;
  ownerShadowRoot?: ExparserNode | null;
  getRelationNodes(id: string): ExparserNode[] | null;
  triggerPageLifeTime(name: string, args: unknown[]): void;
}
export interface MethodCaller {
  _exparserNode?: ExparserNode;
  data: Record<string, unknown>;
  getRelationNodes?: (key: string) => unknown[] | null;
  groupSetData?: (callback: () => void) => void;
  setData(data: Record<string, unknown>, callback?: () => void): void;
  triggerEvent(name: string, detail?: unknown, options?: { bubbles?: boolean; composed?: boolean }): void;
  [key: string]: unknown;
}
export declare const Element: {
  setMethodCaller(node: ExparserNode, caller: MethodCaller): void;
  getMethodCaller(node: ExparserNode): MethodCaller;
};
/** Called with errors thrown inside components; returning false stops exparser printing them. */
export declare function addGlobalErrorListener(listener: (error: unknown, info: { message: string }) => boolean | void): void;
