// What `npm run preview`, `upload` and `deploy:functions` share: the appid, the upload key, miniprogram-ci kept quiet, progress, and every failure as one line.
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const projectConfig = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));

/** A failure the person can act on: its message is the whole of what is printed. */
export class Failure extends Error {}

/** Texts never to print: the upload key's lines, once it is read. */
const secrets = new Set();

function redact(text) {
  let out = String(text);
  for (const secret of secrets) out = out.split(secret).join('[upload key]');
  return out;
}

/** The mini-program's appid: WECHAT_APPID, else project.config.json's unless that is the placeholder. */
export function resolveAppid() {
  const given = process.env.WECHAT_APPID?.trim();
  const appid = given || projectConfig.appid;
  if (!appid || appid === 'touristappid') throw new Failure("set WECHAT_APPID to the mini-program's appid (project.config.json holds only the placeholder touristappid)");
  if (!/^wx[0-9a-f]{16}$/.test(appid)) throw new Failure(`${given ? 'WECHAT_APPID' : "project.config.json's appid"} is not an appid (wx and 16 hex digits): ${appid}`);
  return appid;
}

/** CLOUDBASE_ENV, the cloud environment the functions go to. */
export function resolveCloudEnv() {
  const env = process.env.CLOUDBASE_ENV?.trim();
  if (!env) throw new Failure('set CLOUDBASE_ENV to the id of the cloud environment to deploy to (云开发控制台 → 设置 → 环境 ID)');
  return env;
}

/**
 * Runs `use` with the path of the upload key: WECHAT_UPLOAD_KEY_PATH, or WECHAT_UPLOAD_KEY's text written to a fresh
 * file only its owner reads, deleted afterwards. The key is checked here, before any network call, so that a wrong
 * one is named as such rather than as whatever WeChat's servers answer to a bad signature.
 */
export async function withUploadKey(use) {
  const text = process.env.WECHAT_UPLOAD_KEY;
  const path = process.env.WECHAT_UPLOAD_KEY_PATH?.trim();
  const where = '小程序管理后台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成密钥';
  if (text?.trim() && path) throw new Failure('set WECHAT_UPLOAD_KEY or WECHAT_UPLOAD_KEY_PATH, not both');
  if (!text?.trim() && !path) throw new Failure(`set WECHAT_UPLOAD_KEY to the upload key's text, or WECHAT_UPLOAD_KEY_PATH to its file (${where})`);
  let key;
  if (path) {
    try {
      key = readFileSync(path, 'utf8');
    } catch {
      throw new Failure(`WECHAT_UPLOAD_KEY_PATH names no readable file: ${path}`);
    }
  } else {
    // A secret pasted into CI often keeps its line breaks as "\n".
    key = text.includes('\\n') && !text.includes('\n') ? text.replace(/\\n/g, '\n') : text;
  }
  for (const line of key.split(/\r?\n/)) if (line.trim().length >= 8 && !line.startsWith('-----')) secrets.add(line.trim());
  const source = path ? 'WECHAT_UPLOAD_KEY_PATH' : 'WECHAT_UPLOAD_KEY';
  try {
    if (createPrivateKey(key).asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    throw new Failure(`the upload key in ${source} is not an RSA private key in PEM form: use the private.<appid>.key WeChat gave (${where})`);
  }
  if (path) return use(path);
  const dir = mkdtempSync(join(tmpdir(), 'wechat-ci-'));
  const file = join(dir, 'upload.key');
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  // On Ctrl-C or a CI job's cancel `finally` does not run: remove the copy on the way out too.
  const interrupted = (signal) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted).once('exit', cleanUp);
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return await use(file);
  } finally {
    cleanUp();
  }
}

let captured = [];
let onCiLine = null;
const consoleMethods = ['log', 'info', 'debug', 'warn', 'error'];
const realConsole = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));

/**
 * Runs `work` with miniprogram-ci's own logging (console.log with colours, many lines a second, on stdout) kept
 * aside: WECHAT_CI_VERBOSE=1 shows it; `onLine` sees each line, for progress.
 */
export async function quietly(work, onLine = null) {
  const verbose = process.env.WECHAT_CI_VERBOSE === '1';
  onCiLine = onLine;
  for (const m of consoleMethods) {
    console[m] = (...args) => {
      const line = redact(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      captured.push(line);
      if (captured.length > 200) captured = captured.slice(-100);
      if (verbose) process.stderr.write(`  | ${line}\n`);
      onCiLine?.(line);
    };
  }
  try {
    return await work();
  } finally {
    Object.assign(console, realConsole);
    onCiLine = null;
  }
}

let ci;
/** miniprogram-ci, loaded without the banner it prints while loading. */
export async function loadCi() {
  ci ??= await quietly(async () => require('miniprogram-ci'));
  return ci;
}

/** A miniprogram-ci project of this repository's mini-program, signed with the key at `keyPath`. */
export async function wechatProject(appid, keyPath) {
  const { Project } = await loadCi();
  return new Project({
    appid,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*', 'tests/**/*', 'server/**/*', 'scripts/**/*', 'preview/**/*', 'bench/**/*', 'docs/**/*', 'cloudfunctions/**/*', '.build/**/*', '.data/**/*'],
  });
}

/**
 * The opening every command that talks to WeChat shares: the appid, then the upload key, then `prepare` (what
 * must be built first), then `use({ ci, project, appid })` with the project signed by that key.
 */
export async function withProject(prepare, use) {
  const appid = resolveAppid();
  return withUploadKey(async (keyPath) => {
    await prepare();
    const ci = await loadCi();
    return use({ ci, appid, project: await wechatProject(appid, keyPath) });
  });
}

export const compileSetting = projectConfig.setting;

/** package.json's version: what an upload is called in the console. */
export function version() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/** The last commit, as an upload's description; outside a git checkout, when it was uploaded. */
export function description() {
  try {
    return execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .slice(0, 200);
  } catch {
    return `version ${version()}, uploaded ${new Date().toISOString()} (not from a git checkout)`;
  }
}

/** WECHAT_CI_ROBOT: which of WeChat's 30 CI robots uploads (each keeps its own latest version), 1 unless set. */
export function robot() {
  const given = process.env.WECHAT_CI_ROBOT?.trim();
  if (!given) return 1;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new Failure(`WECHAT_CI_ROBOT must be a whole number from 1 to 30, not ${given}`);
  return n;
}

/** miniprogram-ci's onProgressUpdate, condensed: a line for each stage, the files it compiles counted, not listed. */
export function progress(label) {
  const seen = new Set();
  let files = 0;
  const flushFiles = () => {
    if (files > 0) console.log(`${label}: compiled ${files} files`);
    files = 0;
  };
  return (task) => {
    const message = typeof task === 'string' ? task : task?.message;
    if (!message || (typeof task === 'object' && task.status !== 'doing' && seen.has(task.id))) return;
    if (typeof task === 'object') seen.add(task.id);
    if (/^[\w@./-]+\.\w+$/.test(message.trim())) {
      files++;
      return;
    }
    flushFiles();
    const line = message.replace(/\s+/g, ' ').trim();
    if (seen.has(line)) return;
    seen.add(line);
    console.log(`${label}: ${line.length > 100 ? `${line.slice(0, 97)}...` : line}`);
  };
}

const networkCodes = /\b(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EAI_AGAIN|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/;

/** One line that says what went wrong and what to do, from whatever miniprogram-ci threw. */
export function explain(error) {
  if (error instanceof Failure) return error.message;
  const text = redact(error?.message ?? error);
  const network = text.match(networkCodes) ?? String(error?.code ?? '').match(networkCodes);
  if (network) {
    const host = text.match(/(?:getaddrinfo|connect) \w+ ([\w.-]+)/)?.[1] ?? text.match(/https?:\/\/([\w.-]+)/)?.[1] ?? "WeChat's servers";
    return `cannot reach WeChat's servers (${host}: ${network[1]}): check this machine's network, or its proxy (HTTPS_PROXY)`;
  }
  if (/-10008|invalid ip/i.test(text)) {
    const ip = text.match(/invalid ip:?\s*([0-9a-f.:]+)/i)?.[1];
    return (
      `WeChat refused this machine's IP address${ip ? ` ${ip}` : ''} (errCode -10008): add it to the upload IP whitelist ` +
      '(小程序管理后台 → 开发管理 → 开发设置 → 小程序代码上传 → IP白名单), or turn the whitelist off for CI'
    );
  }
  if (/signature|private ?key|decrypt|-10009|-10010/i.test(text)) {
    return `WeChat rejected the upload key: it is not the current key of this appid (reset it in 小程序管理后台 → 开发管理 → 开发设置 → 小程序代码上传) — ${oneLine(text)}`;
  }
  if (/80051|exceed max limit/i.test(text)) return `WeChat refused the package as too large: ${oneLine(text)} (npm run build shows each package's size)`;
  return `WeChat refused: ${oneLine(text)}`;
}

function oneLine(text) {
  const line = String(text)
    .replace(/^(Error: )+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/**
 * Runs a command's `main`; a failure is one line on stderr and exit code 1, never a stack. The process then exits
 * at once: miniprogram-ci leaves its compiler process attached, and a second network call in a process that has
 * failed one can crash Node, so nothing runs after the first failure.
 */
export async function run(name, main) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${name}: ${explain(error)}\n`);
    process.exit(1);
  }
  process.exit(0);
}
