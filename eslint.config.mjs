// ESLint for the whole repository: typescript-eslint's recommended rules, and the project's layout (domain,
// services, components, pages, server, local host, preview) as import boundaries (eslint-plugin-boundaries).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What each path holds. A file belongs to the first element whose pattern matches it, so the
 * narrower patterns come first (the local host before the rest of server/, components before pages).
 */
const elements = [
  { type: 'domain', pattern: 'miniprogram/domain/**', partialMatch: false },
  { type: 'services', pattern: 'miniprogram/services/**', partialMatch: false },
  { type: 'components', pattern: ['miniprogram/components/**', 'miniprogram/staff/components/**'], partialMatch: false },
  { type: 'pages', pattern: ['miniprogram/pages/**', 'miniprogram/staff/pages/**'], partialMatch: false },
  // app.ts, config.ts, utils/, staff/status.ts: the rest of the mini-program.
  { type: 'app', pattern: 'miniprogram/**', partialMatch: false },
  { type: 'local-host', pattern: 'server/local/**', partialMatch: false },
  // The cloud's services (store, files, verifier, notifier) and the functions' entry: only the functions use them.
  { type: 'cloud', pattern: 'server/cloud/**', partialMatch: false },
  { type: 'server', pattern: 'server/**', partialMatch: false },
  { type: 'cloudfunctions', pattern: 'cloudfunctions/**', partialMatch: false },
  { type: 'preview', pattern: 'preview/**', partialMatch: false },
  { type: 'tests', pattern: 'tests/**', partialMatch: false },
  { type: 'tooling', pattern: ['scripts/**', 'bench/**'], partialMatch: false },
];

const miniprogram = ['domain', 'services', 'components', 'pages', 'app'];
const serverSide = ['local-host', 'cloud', 'server', 'cloudfunctions'];
const to = (...types) => ({ to: { element: { type: types } } });
const from = (...types) => ({ element: { type: types } });

/** Each policy says what one kind of code must not import; everything else is allowed. */
const policies = [
  {
    from: from('domain'),
    disallow: to(...miniprogram.filter((type) => type !== 'domain'), ...serverSide, 'preview', 'tests', 'tooling'),
    message: 'domain holds pure rules shared with the server: it imports nothing of ours outside domain',
  },
  {
    from: from('components'),
    disallow: to('services', 'pages'),
    message: 'components are presentational (props in, events out): the page calls services and hands the results down',
  },
  {
    from: from('services'),
    disallow: to('pages', 'components'),
    message: 'services call the backend; they know nothing of the pages or components that use them',
  },
  {
    from: from(...miniprogram),
    disallow: to(...serverSide, 'preview', 'tests', 'tooling'),
    message: 'the mini-program reaches the server through services (wx.request / wx.cloud), never by importing it',
  },
  {
    from: from(...serverSide),
    disallow: to('services', 'components', 'pages', 'app', 'preview', 'tests', 'tooling'),
    message: 'server code imports domain and its own layers, nothing of the mini-program’s pages, components or services',
  },
  {
    // The local host is assembled by its entry (server/local/main.ts) alone. Tests, scripts and the
    // benchmarks may import its parts too: they build a host the way the entry does, with a store,
    // clock or secret of their own.
    from: from('server', 'cloud', 'cloudfunctions'),
    disallow: to('local-host'),
    message: 'server/local is the laptop host: only its entry (server/local/main.ts), tests and scripts import it',
  },
  {
    // The handlers run alike in the cloud and on a laptop: what is WeChat's cloud alone stays in server/cloud.
    from: from('server', 'local-host'),
    disallow: to('cloud'),
    message: 'server/cloud is what the cloud functions run on: only their entries, tests and scripts import it',
  },
  {
    from: from('preview'),
    disallow: to('local-host', 'cloud', 'server', 'cloudfunctions', 'tests'),
    message: 'the preview runs in the browser: it talks to the host over HTTP and imports none of its code',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/miniprogram_npm/',
      '.build/',
      '.data/',
      'coverage/',
      'screenshots/',
      // Built by esbuild from src/index.ts.
      'cloudfunctions/*/index.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // tsc reports these already (noUnusedLocals, noUnusedParameters), with `_` prefixes allowed.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Tests and the benchmarks read the host's JSON answers, whose shape is what their assertions check.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', '*.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'import/resolver': { node: { extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies }],
    },
  },
);
