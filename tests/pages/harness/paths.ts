// Absolute locations used by the page-test harness, computed from this file (no hard-coded checkout path).
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
/** The real mini-program root (what WeChat devtools opens); default rootPath for loadPage. */
export const MINIPROGRAM_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
/** Built by scripts/pack-npm.mjs (jest globalSetup runs it when missing/stale). */
export const MINIPROGRAM_NPM = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm');
/** A second, throwaway mini-program root holding harness fixture pages (miniprogram_npm is a symlink). */
export const FIXTURES_ROOT = path.resolve(__dirname, '../fixtures');
