// The slice of miniprogram-simulate the preview drives.
import type { RootComponent } from 'j-component';

export interface LoadOptions {
  compiler?: 'official' | 'simulate';
  rootPath?: string;
}
interface Simulate {
  load(componentPath: string, tagName: string, options?: LoadOptions): string;
  render(id: string, properties?: Record<string, unknown>): RootComponent;
}
declare const simulate: Simulate;
export default simulate;
