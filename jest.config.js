// Every jest suite, as four projects that scripts/test.mjs runs separately: `server` (domain rules,
// the pages' pure view models, store, handlers, local host; in Node), `build` (the WeChat compile), `pages` (jsdom through
// miniprogram-simulate, see jest.pages.config.js) and `e2e` (Chromium, see jest.e2e.config.js).
// `npx jest` alone still runs them all; `--selectProjects server` picks one.
const nodeTests = (dirs) => ({
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: dirs.map((dir) => `<rootDir>/tests/${dir}/**/*.test.ts`),
  transform: {
    // Only transpiles (isolatedModules): tsc -p tsconfig.server.json and -p tests/models type-check.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.server.json' }],
  },
});

/** @type {import('jest').Config} */
module.exports = {
  // wcc compiles the whole mini-program once per page-test file (a second or two).
  testTimeout: 30000,
  projects: [
    // Dates, rules and what the pages show of them: their answers must not depend on the process
    // time zone, so these run under two.
    { displayName: 'server', ...nodeTests(['domain', 'models', 'server']) },
    // Compiling for WeChat reads no clock: one time zone is enough.
    { displayName: 'build', ...nodeTests(['build']) },
    '<rootDir>/jest.pages.config.js',
    '<rootDir>/jest.e2e.config.js',
  ],
};
