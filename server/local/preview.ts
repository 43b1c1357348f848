// Serves the built browser preview (scripts/build-preview.mjs → .build/preview/) from the local
// host, on the same origin as the API: GET/HEAD of its files, index.html at /, never cached. Only
// when PREVIEW_DIR is set (`npm start` sets it); `npm run serve` stays API-only.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Answers a request for a preview file and returns true, or returns false to let the host 404. */
export type PreviewRoute = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function previewFiles(dir: string): PreviewRoute {
  const root = resolve(dir);
  return async (req, res, path) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || path.startsWith('/api/')) return false;
    let relative: string;
    try {
      relative = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      return false;
    }
    const file = resolve(join(root, relative));
    if (!file.startsWith(root + sep) || relative.includes('\0')) return false;
    const type = TYPES[extname(file).toLowerCase()];
    if (!type) return false;
    try {
      if (!(await stat(file)).isFile()) return false;
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    } catch {
      return false;
    }
  };
}

/** The preview route for this environment: PREVIEW_DIR (a built .build/preview), or none. */
export function previewFromEnv(env: NodeJS.ProcessEnv, cwd: string): PreviewRoute | undefined {
  return env.PREVIEW_DIR ? previewFiles(resolve(cwd, env.PREVIEW_DIR)) : undefined;
}
