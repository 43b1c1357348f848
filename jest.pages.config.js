// Page tests: real mini-program Component() pages + real Vant, rendered by miniprogram-simulate
// (official wcc compiler) in jsdom. Helpers live in tests/pages/harness.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'pages',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // miniprogram/ too, so --watch / --findRelatedTests see page sources.
  roots: ['<rootDir>/tests/pages', '<rootDir>/miniprogram'],
  testMatch: ['<rootDir>/tests/pages/**/*.test.ts'],
  // 'ts' before 'js': simulate require()s a page as ".../index" and must get the .ts source.
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // tsconfig has isolatedModules: true, so ts-jest only transpiles (type-check with tsc -p tests/pages).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/pages/tsconfig.json' }],
  },
  // Pages import Vant's JS APIs as WeChat resolves them (miniprogram_npm/), so they share module
  // instances with the components simulate loads from there (e.g. Toast's queue, Dialog's).
  moduleNameMapper: {
    '^@vant/weapp/(.*)$': '<rootDir>/miniprogram/miniprogram_npm/@vant/weapp/$1',
  },
  globalSetup: '<rootDir>/tests/pages/harness/global-setup.mjs',
  setupFiles: ['<rootDir>/tests/pages/harness/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/pages/harness/after-each.ts'],
};
