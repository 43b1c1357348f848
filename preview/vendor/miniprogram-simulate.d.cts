// Types of miniprogram-simulate.cjs beside this file: the slice of simulate's internals we use.

export interface ComponentJson {
  usingComponents?: Record<string, string>;
  [key: string]: unknown;
}

/** src/utils as src/index.js calls it; both functions may be replaced. */
export interface Utils {
  readJson(filePath: string): ComponentJson | null;
  runJs(filePath: string): void;
}

export declare const srcDir: string;
export declare const diskModules: readonly string[];
export declare function utils(): Utils;
export declare function postcss(): unknown;
