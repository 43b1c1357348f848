// Finds every page and component reachable from app.json, resolving usingComponents as WeChat does
// (root-absolute, relative, or npm-style into the nearest miniprogram_npm) to root paths like
// "/miniprogram_npm/@vant/weapp/button/index".
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Page routes of app.json: main package, then subpackages ("root/page"). */
export function pageRoutes(appJson) {
  const routes = [...(appJson.pages ?? [])];
  for (const pkg of [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]) {
    for (const page of pkg.pages ?? []) routes.push(posix.join(pkg.root, page));
  }
  return routes;
}

const isNpmStyle = (value) => !value.startsWith('.') && !value.startsWith('/') && !value.includes('://');

/** "@vant/weapp/button/index" seen from /pages/home → the nearest miniprogram_npm holding it. */
function resolveNpm(root, fromDir, request) {
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    for (const candidate of [request, `${request}/index`]) {
      const target = posix.join(dir, 'miniprogram_npm', candidate);
      if (existsSync(join(root, `${target}.json`))) return target;
    }
    if (dir === '/') return undefined;
  }
}

/**
 * @param {string} root absolute path of the mini-program root (holds app.json)
 * @returns {{ app: object, routes: string[], components: Map<string, { path: string, json: object, isNpm: boolean }> }}
 */
export function collectComponents(root) {
  const app = readJson(join(root, 'app.json'));
  const routes = pageRoutes(app);
  const globalUsing = app.usingComponents ?? {};
  const components = new Map();

  const visit = (path, from) => {
    if (components.has(path)) return;
    const file = join(root, `${path}.json`);
    if (!existsSync(file)) throw new Error(`preview: ${path}.json not found${from ? ` (used by ${from})` : ''}`);
    const json = readJson(file);
    const isNpm = path.includes('/miniprogram_npm/');
    // app.json's usingComponents are global for the app's own pages and components, not for npm packages.
    const declared = { ...(isNpm ? {} : globalUsing), ...(json.usingComponents ?? {}) };
    const using = {};
    const entry = { path, json: { ...json, usingComponents: using }, isNpm };
    components.set(path, entry);
    for (const [tag, value] of Object.entries(declared)) {
      if (typeof value !== 'string' || value.includes('://')) {
        console.warn(`preview: ${path}: usingComponents["${tag}"] = ${JSON.stringify(value)} is not supported; skipped`);
        continue;
      }
      const resolved = isNpmStyle(value) ? resolveNpm(root, posix.dirname(path), value) : value.startsWith('/') ? posix.normalize(value) : posix.join(posix.dirname(path), value);
      if (!resolved) throw new Error(`preview: ${path}: usingComponents["${tag}"] = "${value}" not found in any miniprogram_npm (run: node scripts/pack-npm.mjs)`);
      using[tag] = resolved;
      visit(resolved, path);
    }
  };
  for (const route of routes) visit(`/${route}`);
  return { app, routes, components };
}

/** The module WeChat runs for a component: its .ts source (the app's) or .js (npm packages). */
export function moduleFile(root, path) {
  for (const ext of ['.ts', '.js']) {
    const file = join(root, `${path}${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`preview: no ${path}.ts or ${path}.js`);
}
