// Shipping a version: `npm run build` succeeds with no network and prints each package within WeChat's limits, and
// preview, upload and deploy:functions refuse in one line (no stack, never the key) what they lack or cannot reach.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const APPID = 'wx0123456789abcdef';
let dir: string;
let noNetwork: string;
let keyPath: string;
let keyText: string;
/** The key's base64 body lines: what must never be printed. */
let keyLines: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipping-test-'));
  // Every host name fails to resolve, as on a machine with no network, whatever network this one has.
  noNetwork = join(dir, 'no-network.cjs');
  writeFileSync(
    noNetwork,
    `const dns = require('node:dns');
const notFound = (host) => Object.assign(new Error('getaddrinfo ENOTFOUND ' + host), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
dns.lookup = (host, options, callback) => process.nextTick(typeof options === 'function' ? options : callback, notFound(host));
dns.promises.lookup = async (host) => { throw notFound(host); };
`,
  );
  keyText = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  keyLines = keyText.split('\n').filter((line) => line && !line.startsWith('-----'));
  keyPath = join(dir, 'private.key');
  writeFileSync(keyPath, keyText, { mode: 0o600 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script with no network, and of WeChat's settings only those given (none are inherited). */
function runScript(script: string, settings: Record<string, string>, args: string[] = []): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(WECHAT_|CLOUDBASE_)|proxy$/i.test(name)) env[name] = value;
  }
  return spawnSync(process.execPath, ['-r', noNetwork, join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...env, ...settings },
  });
}

/** The one line a failure prints on stderr, after checking that it is one line, with no stack and no key. */
function failureLine(run: SpawnSyncReturns<string>): string {
  expect(run.status).toBe(1);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).not.toMatch(/^\s+at /m);
  for (const line of keyLines) expect(output).not.toContain(line);
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('npm run build', () => {
  let run: SpawnSyncReturns<string>;
  let zip: string;
  beforeAll(() => {
    zip = join(dir, 'wechat.zip');
    run = runScript('build.mjs', {}, [`--zip=${zip}`]);
  });

  it('builds offline and prints every package within WeChat’s limits, and each function bundle', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = new Map(
      run.stdout
        .split('\n')
        .map((line) => line.match(/^(.+?)\s+([\d.]+) KiB\s+(\d+ MB|-)\s*(ok|OVER)?$/))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => [m[1], { kib: Number(m[2]), limit: m[3], verdict: m[4] }]),
    );
    expect([...rows.keys()]).toEqual(['main package', 'subpackage staff/', 'all packages', 'function resident', 'function scheduler', 'function staff']);
    expect(rows.get('main package')).toMatchObject({ limit: '2 MB', verdict: 'ok' });
    expect(rows.get('subpackage staff/')).toMatchObject({ limit: '2 MB', verdict: 'ok' });
    expect(rows.get('all packages')).toMatchObject({ limit: '20 MB', verdict: 'ok' });
    for (const name of ['main package', 'subpackage staff/']) expect(rows.get(name)!.kib).toBeLessThanOrEqual(2048);
    // The packages add up to the total, and the total is what the compiled zip holds.
    const total = rows.get('all packages')!.kib;
    expect(rows.get('main package')!.kib + rows.get('subpackage staff/')!.kib).toBeCloseTo(total, 0);
    expect(zipUncompressedBytes(readFileSync(zip)) / 1024).toBeCloseTo(total, 0);
    // Each function bundle is printed with its real size.
    for (const name of ['resident', 'scheduler', 'staff']) {
      const bytes = readFileSync(join(root, 'cloudfunctions', name, 'index.js')).length;
      expect(rows.get(`function ${name}`)!.kib).toBeCloseTo(bytes / 1024, 0);
    }
  });
});

/** The sum of a zip's uncompressed file sizes, read from its central directory independently of the build's own reader. */
function zipUncompressedBytes(zip: Buffer): number {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  let sum = 0;
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    sum += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return sum;
}

describe.each([
  ['preview', 'preview.mjs'],
  ['upload', 'upload.mjs'],
  ['deploy:functions', 'deploy-functions.mjs'],
])('npm run %s', (command, script) => {
  const env = { CLOUDBASE_ENV: 'test-env-1a2b' };

  it('without an appid names WECHAT_APPID, whatever else is set', () => {
    const line = failureLine(runScript(script, { ...env, WECHAT_UPLOAD_KEY: keyText }));
    expect(line).toBe(`${command}: set WECHAT_APPID to the mini-program's appid (project.config.json holds only the placeholder touristappid)`);
  });

  it('with a malformed appid says so', () => {
    const line = failureLine(runScript(script, { ...env, WECHAT_APPID: 'touristapp', WECHAT_UPLOAD_KEY: keyText }));
    expect(line).toBe(`${command}: WECHAT_APPID is not an appid (wx and 16 hex digits): touristapp`);
  });

  it('without a key names both ways to give one', () => {
    const line = failureLine(runScript(script, { ...env, WECHAT_APPID: APPID }));
    expect(line).toMatch(new RegExp(`^${command}: set WECHAT_UPLOAD_KEY to the upload key's text, or WECHAT_UPLOAD_KEY_PATH to its file `));
  });

  it('with a key file that is not there, or text that is not a key, says which', () => {
    expect(failureLine(runScript(script, { ...env, WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY_PATH: join(dir, 'absent.key') }))).toBe(
      `${command}: WECHAT_UPLOAD_KEY_PATH names no readable file: ${join(dir, 'absent.key')}`,
    );
    const notAKey = 'MIIEowIBAAKCAQEAnotakeyatall0123456789';
    const run = runScript(script, { ...env, WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY: notAKey });
    expect(failureLine(run)).toMatch(new RegExp(`^${command}: the upload key in WECHAT_UPLOAD_KEY is not an RSA private key in PEM form`));
    expect(run.stdout + run.stderr).not.toContain(notAKey);
  });
});

describe('with a key and an appid but no network', () => {
  it('upload says in one line that WeChat’s servers cannot be reached, and leaves no copy of the key', () => {
    const before = tmpEntries();
    const run = runScript('upload.mjs', { WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY: keyText });
    expect(failureLine(run)).toBe("upload: cannot reach WeChat's servers (servicewechat.com: ENOTFOUND): check this machine's network, or its proxy (HTTPS_PROXY)");
    expect(tmpEntries().filter((name) => !before.includes(name))).toEqual([]);
  });

  it('upload from a key file says the same', () => {
    const run = runScript('upload.mjs', { WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY_PATH: keyPath });
    expect(failureLine(run)).toBe("upload: cannot reach WeChat's servers (servicewechat.com: ENOTFOUND): check this machine's network, or its proxy (HTTPS_PROXY)");
  });

  it('deploy:functions without CLOUDBASE_ENV names it, and with it cannot reach WeChat either', () => {
    expect(failureLine(runScript('deploy-functions.mjs', { WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY_PATH: keyPath }))).toBe(
      'deploy:functions: set CLOUDBASE_ENV to the id of the cloud environment to deploy to (云开发控制台 → 设置 → 环境 ID)',
    );
    const run = runScript('deploy-functions.mjs', { WECHAT_APPID: APPID, WECHAT_UPLOAD_KEY: keyText, CLOUDBASE_ENV: 'test-env-1a2b' });
    expect(failureLine(run)).toMatch(/^deploy:functions: cannot reach WeChat's servers \([\w.-]+: ENOTFOUND\)/);
  });
});

/** The copies of a key given as text that the scripts make, while they run. */
function tmpEntries(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('wechat-ci-'));
}
