// The two HTTP requests the cloud functions make themselves: a JSON POST to WeChat's API and the first
// bytes of a stored file. Node's own http(s), because a cloud function's runtime may predate fetch.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

const TIMEOUT_MS = 5_000;
/** WeChat's answers are small; anything longer is not one of them. */
const MAX_ANSWER_BYTES = 64 * 1024;

function send(url: URL, options: RequestOptions, body?: string): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (!request) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, timeout: TIMEOUT_MS }, resolve);
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads at most `limit` bytes of the answer, then stops reading it. */
function readUpTo(response: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) {
        response.destroy();
        resolve(Buffer.concat(chunks).subarray(0, limit));
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}

/** POSTs `body` as JSON and answers the parsed JSON object; a transport failure or a non-JSON answer throws. */
export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await send(new URL(url), { method: 'POST', headers: { 'content-type': 'application/json' } }, JSON.stringify(body));
  const text = (await readUpTo(response, MAX_ANSWER_BYTES)).toString('utf8');
  if ((response.statusCode ?? 0) >= 500) throw new Error(`HTTP ${response.statusCode} from ${new URL(url).host}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`not JSON from ${new URL(url).host} (HTTP ${response.statusCode})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object from ${new URL(url).host}`);
  return value as Record<string, unknown>;
}

/**
 * The file's total size and its first `count` bytes, by a ranged GET (object storage answers 206 with
 * Content-Range), so a huge upload is never read whole; null when the link finds nothing.
 */
export async function headOf(url: string, count: number): Promise<{ size: number; head: Uint8Array } | null> {
  const response = await send(new URL(url), { method: 'GET', headers: { range: `bytes=0-${count - 1}` } });
  const status = response.statusCode ?? 0;
  if (status === 404 || status === 403) {
    response.resume();
    return null;
  }
  // An empty file has no byte 0: storage answers 416 with its size, 0.
  if (status === 416) {
    response.resume();
    return { size: 0, head: new Uint8Array() };
  }
  if (status !== 200 && status !== 206) {
    response.resume();
    throw new Error(`HTTP ${status} reading a stored file`);
  }
  const range = /\/(\d+)$/.exec(String(response.headers['content-range'] ?? ''));
  const size = status === 206 && range ? Number(range[1]) : Number(response.headers['content-length']);
  const head = await readUpTo(response, count);
  if (!Number.isFinite(size)) throw new Error('a stored file without a size');
  return { size, head };
}
