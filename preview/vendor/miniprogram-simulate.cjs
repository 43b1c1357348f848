// The only place that reaches into miniprogram-simulate's private src/ (checked against
// miniprogram-simulate 1.6.2): the page-test harness patches its file helpers, and the preview build
// swaps the modules that touch the disk for browser versions and scopes WXSS with simulate's postcss.
// On an upgrade, check that src/index.js still calls the helpers below through the utils module
// object, and still requires exactly these disk modules by these relative names.
'use strict';
const path = require('node:path');

/** Where src/index.js and its modules live. */
const srcDir = path.dirname(require.resolve('miniprogram-simulate/src/index.js'));

/** The modules of src/ that read the disk: src/index.js requires each as `./<name>`. */
const diskModules = ['utils', 'compile', 'wxss'];

module.exports = {
  srcDir,
  diskModules,
  /** src/utils: index.js reads component JSON and runs component scripts through this object at call time. */
  utils: () => require('miniprogram-simulate/src/utils'),
  /** simulate's own postcss (7), so the preview scopes WXSS with the parser page tests run. */
  postcss: () => require(require.resolve('postcss', { paths: [srcDir] })),
};
