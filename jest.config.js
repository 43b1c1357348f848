// Every jest suite: domain, store, handlers and local host in Node; pages in jsdom through
// miniprogram-simulate (see jest.pages.config.js).
/** @type {import('jest').Config} */
module.exports = {
  // wcc compiles the whole mini-program once per page-test file (a second or two).
  testTimeout: 30000,
  projects: [
    {
      displayName: 'server',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{domain,server,build}/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.server.json' }],
      },
    },
    '<rootDir>/jest.pages.config.js',
    '<rootDir>/jest.e2e.config.js',
  ],
};
