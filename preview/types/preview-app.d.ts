// The module scripts/build-preview.mjs generates from app.json: every reachable page and component.
export interface AppConfig {
  /** Page routes in app.json order (main package, then subpackages), no leading slash. */
  routes: string[];
  window: Record<string, unknown>;
  tabBar?: TabBarConfig;
  entryPagePath?: string;
  /** The base library version in project.config.json (libVersion), reported as SDKVersion. */
  sdkVersion: string;
}
export interface TabBarConfig {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  borderStyle?: string;
  custom?: boolean;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
}
/** "/pages/home/index.json" → resolved JSON text; "….wxss" → CSS template (classes prefixed with TAG). */
export declare const files: Record<string, string>;
/** The placeholder in CSS templates that a component's tag replaces. */
export declare const TAG: string;
/** wcc's output for the whole root: a script body that returns $gwx. */
export declare const wxmlScript: string;
/** app.wxss as a CSS template (TAG = the page's tag). */
export declare const appWxss: string;
/** Each component's module, run on demand: "/pages/home/index" → require(…/index.ts). */
export declare const components: Record<string, () => unknown>;
/** Runs app.ts (its App() call). */
export declare function runApp(): unknown;
export declare const app: AppConfig;
