// Small helpers for the local host's HTTP answers and request bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../miniprogram/domain/errors';
import { AppError } from '../../miniprogram/domain/errors';
import { failure } from '../handlers/dispatch';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  fields?: Record<string, string>,
  message?: string,
): void {
  sendJson(res, status, failure(new AppError(code, message, fields)));
}

/** Reads a body up to `limit` bytes; past it, the rest is drained and discarded so the client still gets an answer. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** The development identity of a request, from the X-Openid header. */
export function openidOf(req: IncomingMessage): string | null {
  const value = req.headers['x-openid'];
  return typeof value === 'string' && OPENID.test(value) ? value : null;
}
