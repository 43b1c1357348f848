// Page tests talk to the real backend: the local host's HTTP routes on a free port, over a real
// SQLite data directory. This file stands in for what only a phone has — the network calls
// (wx.request, wx.uploadFile, done here with Node's http) and the device's pickers (the photo album,
// the action sheet) — and lets a test queue what the person picks.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS } from '../../../miniprogram/config';
import { APPLY_ACTIONS } from '../../../miniprogram/domain/contract';
import { DECLARATION_NOTICE } from '../../../miniprogram/domain/notices';
import { devClock, type DevClock } from '../../../server/local/clock';
import { localFiles } from '../../../server/local/fileStorage';
import { createHost } from '../../../server/local/host';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../../../server/local/secrets';
import { personKeyer } from '../../../server/ids';
import { openSqliteStore } from '../../../server/store/sqlite';
import { DEFAULT_CARD_FEE } from '../../../server/settings';
import type { Store } from '../../../server/store/types';
import { developmentVerifier } from '../../../server/verification/development';
import { installWxRequest } from '../harness';
import { servicePayload } from '../../support/declarations';
import { PNG_BYTES } from '../../support/images';

const DEV_BASE = (BACKENDS.develop as { baseUrl: string }).baseUrl;

export interface Backend {
  url: string;
  store: Store;
  clock: DevClock;
  dir: string;
  /** Writes a real PNG file where the phone's album would keep it, and returns its path. */
  photo(name: string): string;
  /** What the person taps in the next action sheets (by index). */
  actionSheetAnswers: number[];
  /** The photos the person picks in the next chooseMedia calls. */
  chosenPhotos: string[][];
  /**
   * The progress an upload reports while its bytes are on the way, one percentage every `everyMs`
   * before the answer comes (100 is always reported last, as WeChat does).
   */
  uploadProgress: { percents: number[]; everyMs: number };
  /** Makes every wx.request fail as with no network, until set back to false. */
  offline: boolean;
  /**
   * The next call of this action reaches the host and is handled there, but its answer is lost on the
   * way back (the phone sees a network failure). Cleared once it has happened.
   */
  loseAnswerOf: string | null;
  /** Every function call the pages sent, in order: its action and request id. */
  sent: { action: string; requestId?: string }[];
  /** The HTTP status of a file link as a page holds it (a develop-backend URL), fetched from the host. */
  fileStatus(link: string): Promise<number>;
  call<T = any>(openid: string, action: string, payload?: unknown, requestId?: string): Promise<any & T>;
  /** Calls the staff function as `openid`. */
  staffCall<T = any>(openid: string, action: string, payload?: unknown, requestId?: string): Promise<any & T>;
  /** Staff decisions on one application, in order, as `officer` (a hand-over by ID check); a refusal throws. */
  decide(officer: string, id: string, ...actions: ('approve' | 'reject' | 'markReady' | 'markCollected')[]): Promise<void>;
  /** Gives `openid` a staff role for these districts through the host's development route (with a name, badge or the supervisor role in `extra`). */
  grant(openid: string, districts: string[] | 'all', extra?: { name?: string; badge?: string; supervisor?: boolean }): Promise<void>;
  upload(openid: string): Promise<string>;
  /** Submits a valid declaration for `openid` through the API, as the flow would (in 岳麓区 unless told); answers its id. */
  declare(openid: string, idNumber?: string, district?: string): Promise<string>;
  /** Applies for a later service through the API with freshly uploaded materials, as the flow would; answers the result. */
  apply(openid: string, service: 'permit' | 'voucher' | 'reissue', extra?: Record<string, unknown>): Promise<any>;
  stop(): Promise<void>;
}

function send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart body: the form fields first, as WeChat sends formData, then the file. */
function multipart(bytes: Buffer, field: string, formData: Record<string, unknown> = {}): { body: Buffer; type: string } {
  const boundary = `----pagetest${Date.now().toString(16)}`;
  const fields = Object.entries(formData).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`);
  const head = `${fields.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="photo.png"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

type Callbacks<T> = { success?: (result: T) => void; fail?: (error: { errMsg: string }) => void };

/** WeChat's convention for the device's pickers: the callbacks when given, else a Promise that rejects on a cancel. */
function answer<T>(options: Callbacks<T>, result: T | undefined, errMsg: string): Promise<T> | undefined {
  const later = new Promise<T>((resolve, reject) => setTimeout(() => (result === undefined ? reject({ errMsg }) : resolve(result)), 0));
  if (!options.success && !options.fail) return later;
  later.then(
    (r) => options.success?.(r),
    (e: { errMsg: string }) => options.fail?.(e),
  );
  return undefined;
}

let requests = 0;

export async function startBackend(startIso = '2026-09-01T10:00:00+08:00'): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  const store = openSqliteStore(join(dir, 'data'));
  const clock = devClock(Date.parse(startIso));
  const server: Server = createHost({
    store,
    files: localFiles(join(dir, 'data'), store),
    verifier: developmentVerifier(),
    clock,
    settings: { cardFee: DEFAULT_CARD_FEE },
    personKey: personKeyer(dataDirSecret(join(dir, 'data'), PERSON_KEY_SECRET_FILE)),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const toHost = (target: string) => target.replace(DEV_BASE, url);

  const backend: Backend = {
    url,
    store,
    clock,
    dir,
    actionSheetAnswers: [],
    chosenPhotos: [],
    uploadProgress: { percents: [], everyMs: 0 },
    offline: false,
    loseAnswerOf: null,
    sent: [],
    async fileStatus(link) {
      return (await send(toHost(link), 'GET', {})).status;
    },
    photo(name) {
      const path = join(dir, name);
      writeFileSync(path, PNG_BYTES);
      return path;
    },
    async call(openid, action, payload, requestId) {
      const body = Buffer.from(JSON.stringify({ action, payload, requestId }));
      const res = await send(`${url}/api/functions/resident`, 'POST', { 'Content-Type': 'application/json', 'X-Openid': openid }, body);
      return JSON.parse(res.text);
    },
    async staffCall(openid, action, payload, requestId) {
      const body = Buffer.from(JSON.stringify({ action, payload, requestId }));
      const res = await send(`${url}/api/functions/staff`, 'POST', { 'Content-Type': 'application/json', 'X-Openid': openid }, body);
      return JSON.parse(res.text);
    },
    async decide(officer, id, ...actions) {
      for (const action of actions) {
        const result = await backend.staffCall(
          officer,
          action,
          { id, ...(action === 'markCollected' ? { idCardChecked: true } : {}), ...(action === 'reject' ? { reasons: ['居住证明与申报地址不符'] } : {}) },
          `decide-${++requests}`,
        );
        if (!result.ok) throw new Error(`${action} refused: ${JSON.stringify(result.error)}`);
      }
    },
    async grant(openid, districts, extra = {}) {
      const res = await send(`${url}/api/dev/staff`, 'POST', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({ openid, districts, ...extra })));
      if (res.status !== 200 || !JSON.parse(res.text).ok) throw new Error(`grant refused: ${res.text}`);
    },
    async upload(openid) {
      const { body, type } = multipart(PNG_BYTES, 'file');
      const res = await send(`${url}/api/files`, 'POST', { 'Content-Type': type, 'X-Openid': openid }, body);
      return JSON.parse(res.text).data.fileId;
    },
    async declare(openid, idNumber = '430104199003071237', district = '430104') {
      const name = '李晓梅';
      const { data } = await backend.call(openid, 'startVerification', { name, idNumber });
      const token = (await backend.call(openid, 'finishVerification', { verifyId: data.verifyId })).data.verificationToken;
      const result = await backend.call(
        openid,
        'submitDeclaration',
        {
          verificationToken: token,
          consent: { noticeVersion: DECLARATION_NOTICE.version },
          applicant: { name, idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道12号' },
          residence: { district, street: '望月湖街道', address: '望月湖小区3栋201', since: '2026-05-01', kind: 'rent', basis: 'residence' },
          materials: { idFront: await backend.upload(openid), proofs: [await backend.upload(openid)] },
        },
        `declare-${++requests}`,
      );
      if (!result.ok) throw new Error(`declaration refused: ${JSON.stringify(result.error)}`);
      return result.data.id;
    },
    async apply(openid, service, extra = {}) {
      const { data } = await backend.call(openid, 'startVerification', {});
      const token = (await backend.call(openid, 'finishVerification', { verifyId: data.verifyId })).data.verificationToken;
      const payload = await servicePayload(service, token, () => backend.upload(openid), extra);
      return backend.call(openid, APPLY_ACTIONS[service], payload, `apply-${++requests}`);
    },
    stop() {
      return new Promise((resolve) => {
        server.close(() => {
          store.close();
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };

  installWxRequest(((options: WechatMiniprogram.RequestOption) => {
    const headers = { ...(options.header as Record<string, string>) };
    const body = options.data === undefined ? undefined : Buffer.from(JSON.stringify(options.data));
    const { action, requestId } = (options.data ?? {}) as { action?: string; requestId?: string };
    if (!backend.offline && action) backend.sent.push({ action, ...(requestId !== undefined ? { requestId } : {}) });
    const loseAnswer = !backend.offline && action !== undefined && action === backend.loseAnswerOf;
    if (loseAnswer) backend.loseAnswerOf = null;
    const done = backend.offline
      ? Promise.reject(new Error('offline'))
      : send(toHost(options.url), options.method ?? 'GET', headers, body).then((res) => (loseAnswer ? Promise.reject(new Error('answer lost')) : res));
    done.then(
      (res) => {
        let data: unknown = res.text;
        try {
          data = JSON.parse(res.text);
        } catch {
          // not JSON: handed over as text, as WeChat does
        }
        options.success?.({ statusCode: res.status, data, header: {}, cookies: [], errMsg: 'request:ok' } as never);
      },
      () => options.fail?.({ errMsg: 'request:fail' } as never),
    );
    return { abort() {} } as WechatMiniprogram.RequestTask;
  }) as WechatMiniprogram.Wx['request']);

  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  Object.assign(wx, {
    uploadFile(options: WechatMiniprogram.UploadFileOption) {
      const listeners: ((p: { progress: number }) => void)[] = [];
      const { body, type } = multipart(readFileSync(options.filePath), options.name, options.formData);
      const headers = { ...(options.header as Record<string, string>), 'Content-Type': type };
      const { percents, everyMs } = backend.uploadProgress;
      const ticked = percents.reduce<Promise<void>>(
        (before, progress) => before.then(() => new Promise((resolve) => setTimeout(resolve, everyMs))).then(() => listeners.forEach((l) => l({ progress }))),
        Promise.resolve(),
      );
      const go = backend.offline ? Promise.reject(new Error('offline')) : Promise.all([send(toHost(options.url), 'POST', headers, body), ticked]).then(([res]) => res);
      go.then(
        (res) => {
          listeners.forEach((l) => l({ progress: 100 }));
          options.success?.({ statusCode: res.status, data: res.text, errMsg: 'uploadFile:ok' } as never);
        },
        () => options.fail?.({ errMsg: 'uploadFile:fail' } as never),
      );
      return { onProgressUpdate: (l: (p: { progress: number }) => void) => listeners.push(l), abort() {} };
    },
    compressImage(options: { src: string } & Callbacks<{ tempFilePath: string }>) {
      return answer(options, { tempFilePath: options.src }, 'compressImage:fail');
    },
    chooseMedia(options: Callbacks<{ tempFiles: { tempFilePath: string }[] }>) {
      const paths = backend.chosenPhotos.shift();
      return answer(options, paths && { tempFiles: paths.map((p) => ({ tempFilePath: p })) }, 'chooseMedia:fail cancel');
    },
    showActionSheet(options: { itemList: string[] } & Callbacks<{ tapIndex: number }>) {
      const tapped = backend.actionSheetAnswers.shift();
      return answer(options, tapped === undefined ? undefined : { tapIndex: tapped }, 'showActionSheet:fail cancel');
    },
    setNavigationBarTitle() {},
    pageScrollTo() {},
  });
  return backend;
}
