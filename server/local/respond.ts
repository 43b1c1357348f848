// Small helpers for the local host's HTTP answers and request bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '../../miniprogram/domain/errors';
import { AppError } from '../../miniprogram/domain/errors';
import { failure } from '../handlers/dispatch';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, fields?: Record<string, string>, message?: string): void {
  sendJson(res, status, failure(new AppError(code, message, fields)));
}

/**
 * Answers 413 at once, without waiting for the rest of the body: the connection is closed after the
 * answer, and what still arrives until then is read and dropped so the client can read the answer.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, fields: Record<string, string>): void {
  req.resume();
  sendJson(res, 413, failure(new AppError('INVALID_INPUT', undefined, fields)), { Connection: 'close' });
}

/** A body, or why there is none: over the limit (declared or sent), or cut off before its end. */
export type Body = Buffer | 'too-large' | 'cut-off';

/** Reads a body of at most `limit` bytes; it settles as soon as the body is known to be too large. */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        resolve('too-large');
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A client that goes away mid-body: nothing to answer, and nothing of it is used.
    req.on('error', () => resolve('cut-off'));
    req.on('close', () => {
      if (!req.complete) resolve('cut-off');
    });
  });
}

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** The development identity of a request, from the X-Openid header. */
export function openidOf(req: IncomingMessage): string | null {
  const value = req.headers['x-openid'];
  return typeof value === 'string' && OPENID.test(value) ? value : null;
}

/**
 * Answers a request the HTTP parser refused, or one too slow to arrive, with a result object (Node's own
 * answer has no body). A request already handed to the host and timed out before its answer began is
 * answered through its response; a connection already answering, or gone, is just closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const message = timedOut ? '请求超时，请重试' : '请求格式不正确';
  const result = failure(new AppError('INVALID_INPUT', message, { payload: message }));
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (response) {
    if (timedOut && !response.headersSent && socket.writable) sendJson(response, 408, result, { Connection: 'close' });
    else socket.destroy();
    return;
  }
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason] = timedOut ? [408, 'Request Timeout'] : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify(result);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
