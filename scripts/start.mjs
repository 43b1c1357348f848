// `npm start`: builds the mini-program's npm packages and the browser preview, then runs the local
// host, which serves the API and the preview on one origin.
import { createRequire } from 'node:module';
import { buildHost } from './build-host.mjs';
import { buildPreview, previewDir } from './build-preview.mjs';

await buildPreview();
process.env.PREVIEW_DIR = previewDir;
const require = createRequire(import.meta.url);
const { url } = await require(await buildHost()).serve();
console.log(`
Browser preview: ${url}/  (the mini-program in a phone frame, with a development panel)

To use it from WeChat DevTools:
  1. 导入项目: choose this folder (project.config.json); the AppID may stay 测试号/touristappid.
  2. 详情 → 本地设置: tick "不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书".
  3. The develop version calls the address in miniprogram/config.ts (http://127.0.0.1:8787): change it
     there if you set another PORT, or to this computer's LAN address for a phone. This host: ${url}
Stop with Ctrl+C.`);
