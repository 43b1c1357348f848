// End-to-end tests: the real local host serving the browser preview, driven in Chromium
// (tests/e2e/browser.ts). globalSetup builds the preview first.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/e2e/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/e2e/global-setup.mjs',
};
