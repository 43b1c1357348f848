// j-component's renderer (src/render/render.js): diffs call updateAttrs through this module object.
import type { ExparserNode } from 'miniprogram-exparser';

export interface Attr {
  name: string;
  value: unknown;
}
interface Render {
  updateAttrs(node: ExparserNode, attrs: Attr[]): void;
}
declare const render: Render;
export default render;
