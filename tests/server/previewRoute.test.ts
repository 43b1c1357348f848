// PREVIEW_DIR: the host serves the built preview at / beside the API, never shadows the API, never
// leaves its folder, and without PREVIEW_DIR (`npm run serve`) serves no page at all.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Started } from '../../server/local/main';

let dir: string;
let withPreview: Started;
let apiOnly: Started;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preview-route-'));
  const preview = join(dir, 'preview');
  mkdirSync(preview);
  writeFileSync(join(preview, 'index.html'), '<!doctype html><title>预览</title>');
  writeFileSync(join(dir, 'secret.html'), 'outside the preview');
  withPreview = await start({ PORT: '0', DATA_DIR: join(dir, 'data-1'), PREVIEW_DIR: preview }, true);
  apiOnly = await start({ PORT: '0', DATA_DIR: join(dir, 'data-2') }, true);
});
afterAll(async () => {
  await withPreview?.stop();
  await apiOnly?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves index.html at /, uncached, beside the API', async () => {
  const page = await fetch(`${withPreview.url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('cache-control')).toBe('no-store');
  expect(await page.text()).toContain('预览');
  expect(await (await fetch(`${withPreview.url}/api/health`)).json()).toEqual({ ok: true });
});

it('never serves a file outside its folder', async () => {
  for (const path of ['/..%2fsecret.html', '/%2e%2e/secret.html', '/preview/../../secret.html']) {
    const res = await fetch(`${withPreview.url}${path}`);
    expect([path, res.status]).toEqual([path, 404]);
  }
});

it('serves no page without PREVIEW_DIR', async () => {
  expect((await fetch(`${apiOnly.url}/`)).status).toBe(404);
  expect((await fetch(`${apiOnly.url}/api/health`)).status).toBe(200);
});
