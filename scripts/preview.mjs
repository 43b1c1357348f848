// `npm run preview`: uploads the mini-program as a preview and shows the QR code that opens it in WeChat on a phone (also saved to .build/preview-qrcode.jpg).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { packNpm } from './pack-npm.mjs';
import { compileSetting, description, progress, quietly, robot, root, run, withProject } from './wechat-ci.mjs';

const qrcode = join(root, '.build', 'preview-qrcode.jpg');

await run('preview', async () => {
  const robotNumber = robot();
  await withProject(
    () => packNpm({ log: (line) => console.log(line) }),
    async ({ ci, project }) => {
      mkdirSync(join(root, '.build'), { recursive: true });
      await quietly(() =>
        ci.preview({
          project,
          desc: description(),
          robot: robotNumber,
          setting: compileSetting,
          // Posted directly, so that WeChat's answer (and so the QR code) is there when this returns.
          useCOS: false,
          qrcodeFormat: 'image',
          qrcodeOutputDest: qrcode,
          onProgressUpdate: progress('preview'),
        }),
      );
      if (process.stdout.isTTY) {
        // miniprogram-ci draws the code in the terminal from the image; a terminal that cannot still has the file.
        try {
          const { generateTerminalQrcode } = createRequire(import.meta.url)('miniprogram-ci/dist/ci/utils/terminalQrcode');
          console.log(await quietly(() => generateTerminalQrcode(readFileSync(qrcode).toString('base64'))));
        } catch {
          // The image below is enough.
        }
      }
      console.log(`preview: scan ${relative(process.cwd(), qrcode)} with WeChat`);
    },
  );
});
