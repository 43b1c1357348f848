// The local development host: the cloud functions over HTTP (api.md's routes), uploads, file links,
// health, the development clock, the outbox, the scheduler and the ready pickup codes, on the embedded store.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FUNCTION_NAMES } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { Checker, isPlainObject } from '../../miniprogram/domain/validation';
import type { Context, StaffRecord } from '../context';
import { materialFiles } from '../../miniprogram/domain/declarationForm';
import { seesDistrict } from '../handlers/staff/access';
import { readDistricts, readIdentity, readOpenid, readSupervisor, roleWrite } from '../handlers/staff/grants';
import type { ApplicationRecord } from '../records';
import { hasFunction, runFunction } from '../functions';
import { randomId, randomSecret } from '../ids';
import { docsOf } from '../store/pages';
import { MAX_QUERY_LIMIT, type Store } from '../store/types';
import type { Verifier } from '../verification/types';
import type { Settings } from '../settings';
import { HISTORY_LIMIT } from '../views';
import { clockInstant, CLOCK_RANGE_MESSAGE, type DevClock } from './clock';
import { MAX_UPLOAD_BYTES } from '../files/uploads';
import type { LocalFiles } from './fileStorage';
import type { PreviewRoute } from './preview';
import { answerClientError, openidOf, readBody, refuseTooLarge, sendError, sendJson } from './respond';
import { handleUpload, MULTIPART_ALLOWANCE_BYTES } from './uploads';
import { DEFAULT_NOTIFICATION_CONFIG } from '../notifications/config';
import { developmentNotifier } from '../notifications/development';
import type { NotificationRecord, NotificationServices } from '../notifications/types';
import { localSchedule } from './schedule';
import { readyPickupCodes } from './pickupCodes';

export const MAX_BODY_BYTES = 1024 * 1024;
/** A stale link and someone else's file look alike: neither reveals whether the file exists. */
const FILE_GONE = '文件不存在或链接已过期，请刷新页面';

export interface HostDeps {
  store: Store;
  files: LocalFiles;
  verifier: Verifier;
  clock: DevClock;
  settings: Settings;
  /** The keyed person hash (ids.personKeyer over the data directory's secret). */
  personKey: (idNumber: string) => string;
  /** One line per request; never bodies, headers or query strings. */
  log?: (line: string) => void;
  /** The browser preview's files, served after every API route (npm start); absent: API only. */
  preview?: PreviewRoute;
  /** How long a slow client may take; the defaults suit a phone on a weak network. */
  timeouts?: Partial<Timeouts>;
  /** The templates and the notifier; default: the development templates and notifier (delivering to the outbox). */
  notifications?: NotificationServices;
  /** Runs the scheduler at 09:00 of the clock each day, and on start or a clock change when that day's run is owed (npm run serve). */
  schedule?: boolean;
}

export interface Timeouts {
  /** The request line and headers must arrive within this time. */
  headersMs: number;
  /** The whole request, body included (a 10 MiB photo on a slow line). */
  requestMs: number;
}

const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 120_000 };

async function readJsonObject(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too-large') {
    refuseTooLarge(req, res, { payload: '请求内容不能超过 1 MB' });
    return undefined;
  }
  if (body === 'cut-off') {
    res.destroy();
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isPlainObject(value)) {
    sendError(res, 400, 'INVALID_INPUT', { payload: FIELD_MESSAGES.payload });
    return undefined;
  }
  return value;
}

/** Reads a development staff grant: `{ openid, districts: string[] | 'all', name?, badge?, supervisor? }`, checked as the staff function checks one. */
function staffGrant(body: Record<string, unknown>): { openid: string; record: StaffRecord } | { fields: Record<string, string> } {
  const c = new Checker();
  const openid = readOpenid(c, body.openid);
  const districts = readDistricts(c, body.districts);
  const identity = readIdentity(c, body, false);
  const supervisor = readSupervisor(c, body.supervisor);
  if (!c.ok || !openid || !districts || supervisor === undefined) return { fields: c.errors };
  return { openid, record: { districts, ...identity, supervisor } };
}

/** The host's HTTP server, with the one way to stop it that leaves the store closed cleanly. */
export interface LocalHost extends Server {
  /** Stops taking connections, lets a scheduler run under way end, then closes the store. */
  shutdown(): Promise<void>;
}

export function createHost(deps: HostDeps): LocalHost {
  const { store, files, verifier, clock, settings, personKey } = deps;
  const notifications = deps.notifications ?? { config: DEFAULT_NOTIFICATION_CONFIG, notifier: developmentNotifier(store) };
  const context = (openid: string): Context => ({
    openid,
    now: clock.now(),
    store,
    verifier,
    files,
    settings,
    personKey,
    newId: randomId,
    newSecret: randomSecret,
    notifications,
  });
  // The host runs the scheduler itself, as the cloud's timer trigger does: no caller's identity, never from a request's.
  const runScheduler = () => runFunction('scheduler', { ...context(''), trigger: true }, { action: 'run' });
  const schedule = deps.schedule
    ? localSchedule(store, clock.now, runScheduler, (error) => console.error(`[scheduler] ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'}`))
    : undefined;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path === '/api/health' && method === 'GET') return sendJson(res, 200, { ok: true });

    const fn = /^\/api\/functions\/([^/]+)$/.exec(path);
    if (fn && method === 'POST') {
      const data = await readJsonObject(req, res);
      if (!data) return;
      const name = decodeSegment(fn[1]);
      if (name === null || !hasFunction(name)) {
        const known = name !== null && (FUNCTION_NAMES as readonly string[]).includes(name);
        return sendError(res, 404, 'NOT_FOUND', undefined, known ? '该功能尚未在本地开发服务器上提供' : '没有这个云函数');
      }
      const openid = openidOf(req);
      if (!openid) return sendError(res, 401, 'UNAUTHENTICATED');
      return sendJson(res, 200, await runFunction(name, context(openid), data));
    }

    if (path === '/api/files' && method === 'POST') {
      const openid = openidOf(req);
      if (!openid) {
        req.resume();
        return sendError(res, 401, 'UNAUTHENTICATED');
      }
      return handleUpload(req, res, openid, files, clock.now());
    }

    const file = /^\/api\/files\/([^/]+)$/.exec(path);
    if (file && method === 'GET') {
      const fileId = decodeSegment(file[1]);
      if (fileId === null) return sendError(res, 404, 'NOT_FOUND', undefined, FILE_GONE);
      return serveFile(req, res, fileId, url);
    }

    if (path === '/api/dev/clock') {
      if (method === 'GET') return sendJson(res, 200, { ok: true, data: { now: new Date(clock.now()).toISOString() } });
      if (method === 'POST') {
        const body = await readJsonObject(req, res);
        if (!body) return;
        const instant = clockInstant(body.now);
        if (instant === null) return sendError(res, 400, 'INVALID_INPUT', { now: CLOCK_RANGE_MESSAGE });
        clock.set(instant);
        await schedule?.check();
        return sendJson(res, 200, { ok: true, data: { now: new Date(clock.now()).toISOString() } });
      }
    }
    if (path === '/api/dev/staff' && method === 'POST') {
      const body = await readJsonObject(req, res);
      if (!body) return;
      const grant = staffGrant(body);
      if ('fields' in grant) return sendError(res, 400, 'INVALID_INPUT', grant.fields);
      await store.commit([roleWrite(grant.openid, await store.get<StaffRecord>('staff', grant.openid), grant.record)]);
      return sendJson(res, 200, { ok: true, data: { openid: grant.openid, ...grant.record } });
    }

    if (path === '/api/dev/outbox' && method === 'GET') return sendJson(res, 200, { ok: true, data: { items: await outbox() } });
    if (path === '/api/dev/pickup-codes' && method === 'GET') return sendJson(res, 200, { ok: true, data: { items: await readyPickupCodes(store) } });
    if (path === '/api/dev/scheduler' && method === 'POST') {
      req.resume();
      return sendJson(res, 200, await runScheduler());
    }

    if (deps.preview && (await deps.preview(req, res, path))) return;
    req.resume();
    sendError(res, 404, 'NOT_FOUND');
  }

  /** Every notification, newest first, as api.md's outbox route shows it. */
  async function outbox() {
    const items = [];
    const newestFirst = { where: {}, orderBy: { field: 'createdAt', direction: 'desc' as const } };
    for await (const n of docsOf<NotificationRecord>(store, 'notifications', newestFirst, MAX_QUERY_LIMIT)) {
      items.push({
        id: n._id,
        event: n.event,
        openid: n.openid,
        ...(n.applicationId ? { applicationId: n.applicationId } : {}),
        data: n.data,
        page: n.page,
        createdAt: n.createdAt,
        status: n.status,
      });
    }
    return items;
  }

  /** Staff may open a file that an application of their districts references. */
  async function staffMaySee(openid: string, owner: string, fileId: string): Promise<boolean> {
    const staff = await store.get<StaffRecord>('staff', openid);
    if (!staff) return false;
    const applications = await store.find<ApplicationRecord>('applications', {
      where: { ownerOpenid: owner },
      orderBy: { field: 'submittedAt', direction: 'desc' },
      limit: HISTORY_LIMIT,
    });
    return applications.some(
      (app) => seesDistrict(staff, app.district) && materialFiles(app.materials, app.kind, app.residence?.kind, app.reason).some((f) => f.fileId === fileId),
    );
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, fileId: string, url: URL): Promise<void> {
    const expires = url.searchParams.get('expires');
    const signature = url.searchParams.get('signature');
    const openid = openidOf(req);
    if ((expires === null || signature === null) && !openid) return sendError(res, 401, 'UNAUTHENTICATED');
    // Who may see it is judged on the record alone: no bytes are read for a caller who may not have them.
    const record = await files.record(fileId);
    const now = clock.now();
    const allowed =
      record !== null &&
      (expires !== null && signature !== null
        ? files.linkIsValid(fileId, expires, signature, now)
        : record.owner === openid || (openid !== null && (await staffMaySee(openid, record.owner, fileId))));
    const bytes = allowed ? await files.bytes(fileId) : null;
    if (!record || !bytes) return sendError(res, 404, 'NOT_FOUND', undefined, FILE_GONE);
    res.writeHead(200, {
      'Content-Type': record.mime,
      'Content-Length': bytes.length,
      'Cache-Control': 'private, max-age=60',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(bytes);
  }

  const timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const url = requestUrl(req.url);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.log?.(`${req.method} ${url?.pathname ?? '(unreadable target)'} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    // Whatever a request holds, its handling ends in an answer: nothing it sends may stop the host.
    (url ? route(req, res, url) : Promise.resolve(sendError(res, 404, 'NOT_FOUND'))).catch((error: unknown) => {
      console.error(`[host] ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.destroy();
    });
  }

  const server = createServer(
    // Timeouts are checked every second, so a slow client is cut off close to its limit.
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: 1000 },
    handle,
  );
  // Expect: 100-continue is answered with Continue only when the declared body could be taken; a body
  // too large is refused (413) before the client sends it. Any other expectation gets a result object.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) <= bodyLimitOf(req)) res.writeContinue();
    handle(req, res);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    sendError(res, 417, 'INVALID_INPUT', { payload: '不支持这个 Expect 请求头' });
  });
  // A request the HTTP parser refuses (or one that timed out) still gets a result object.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  // On start: that day's run, if its 09:00 has passed without one.
  if (schedule) void schedule.check();
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= new Promise<void>((resolve) => {
      server.close(async () => {
        await schedule?.stop();
        store.close();
        resolve();
      });
      server.closeIdleConnections();
    }));
  return Object.assign(server, { shutdown });
}

/** The most a request's body may hold: a photo and its framing for uploads, 1 MiB elsewhere. */
function bodyLimitOf(req: IncomingMessage): number {
  return req.url?.split('?')[0] === '/api/files' ? MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES : MAX_BODY_BYTES;
}

/** The request's target as a URL, or null when it cannot be read as one (e.g. `//`). */
function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://local');
  } catch {
    return null;
  }
}

/** One path segment, percent-decoded, or null when its encoding is malformed. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
