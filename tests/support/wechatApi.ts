// A stand-in for api.weixin.qq.com on 127.0.0.1, for the functions' own HTTPS calls (face verification).
// WeChat's servers cannot be reached from here: each test answers as WeChat's documentation says it does,
// and the stand-in records every request (path, query and JSON body) for the test to check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRequest {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

export type ApiAnswer = (request: ApiRequest) => Record<string, unknown>;

export interface WechatApiStandIn {
  origin: string;
  requests: ApiRequest[];
  /** How the stand-in answers a path from now on. */
  answer(path: string, reply: ApiAnswer): void;
  close(): Promise<void>;
}

export async function startWechatApi(): Promise<WechatApiStandIn> {
  const replies = new Map<string, ApiAnswer>();
  const requests: ApiRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: ApiRequest = { path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      requests.push(request);
      const reply = replies.get(url.pathname);
      res.setHeader('content-type', 'application/json');
      // WeChat answers an unknown path with errcode 404 in a JSON body, not an HTTP error.
      res.end(JSON.stringify(reply ? reply(request) : { errcode: 404, errmsg: 'invalid url' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, reply) => void replies.set(path, reply),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
