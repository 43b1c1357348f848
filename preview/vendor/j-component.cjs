// The only place that reaches into j-component's private src/ (checked against j-component 1.4.10);
// the preview runtime and the page-test harness import these from here. On an upgrade, check that
// each module below still exists, exports what the .d.cts beside this file declares, and is called
// through its module object (so patching a function here changes what j-component itself runs).
'use strict';

/** src/tool/utils: the rpx converter of inline styles, and the tag name a registered id renders as. */
const utils = require('j-component/src/tool/utils');

/** src/render/render: the renderer whose updateAttrs every diff goes through, and renderExparserNode every new tree. */
const render = require('j-component/src/render/render');

/** src/render/component exports RootComponent; its base class wraps any exparser node (not exported). */
const RootComponent = require('j-component/src/render/component');
const ComponentNode = Object.getPrototypeOf(RootComponent.prototype).constructor;

module.exports = { utils, render, ComponentNode };
