// jest globalSetup for end-to-end tests: builds miniprogram_npm (when stale) and the browser
// preview into .build/preview-e2e (not .build/preview, which a running `npm start` may be serving);
// the tests serve it through the real local host.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreview } from '../../scripts/build-preview.mjs';

export const e2ePreviewDir = join(dirname(fileURLToPath(import.meta.url)), '../../.build/preview-e2e');

export default async function globalSetup() {
  await buildPreview({ outDir: e2ePreviewDir, log: (line) => process.stdout.write(`\n${line}\n`) });
}
