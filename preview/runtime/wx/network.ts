// wx.request over fetch and wx.uploadFile over XMLHttpRequest (for upload progress), both to the
// local host that serves the preview.
import { settle, WxFailure, type Callbacks } from './async';
import { readTempFile } from './files';
import { toPreviewOrigin } from './origin';

type Data = string | ArrayBuffer | Record<string, unknown> | unknown[] | undefined;

interface RequestOptions extends Callbacks<Record<string, unknown>> {
  url: string;
  data?: Data;
  header?: Record<string, string>;
  method?: string;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  timeout?: number;
}

function query(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))}`)
    .join('&');
}

function withQuery(url: string, data: Data): string {
  if (data === undefined || data instanceof ArrayBuffer) return url;
  const search = typeof data === 'string' ? data : query(data as Record<string, unknown>);
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
}

function bodyOf(data: Data, headers: Headers): BodyInit | undefined {
  if (data === undefined) return undefined;
  if (typeof data === 'string' || data instanceof ArrayBuffer) return data;
  if ((headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) return query(data as Record<string, unknown>);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(data);
}

export function request(options: RequestOptions) {
  const controller = new AbortController();
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = new Headers(options.header ?? {});
  const url = toPreviewOrigin(method === 'GET' || method === 'HEAD' ? withQuery(options.url, options.data) : options.url);
  const timer = setTimeout(() => controller.abort(new WxFailure('timeout')), options.timeout ?? 60000);
  settle('request', options, async () => {
    try {
      const body = method === 'GET' || method === 'HEAD' ? undefined : bodyOf(options.data, headers);
      const response = await fetch(url, { method, headers, body, signal: controller.signal });
      let data: unknown;
      if (options.responseType === 'arraybuffer') data = await response.arrayBuffer();
      else {
        data = await response.text();
        if ((options.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(data as string);
          } catch {
            // WeChat hands over the raw text when it is not JSON.
          }
        }
      }
      return { data, statusCode: response.status, header: Object.fromEntries(response.headers), cookies: [] };
    } catch (error) {
      throw controller.signal.aborted && controller.signal.reason instanceof WxFailure ? controller.signal.reason : new WxFailure((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  });
  return {
    abort: () => controller.abort(new WxFailure('abort')),
    onHeadersReceived: () => {},
    offHeadersReceived: () => {},
    onChunkReceived: () => {},
    offChunkReceived: () => {},
  };
}

interface UploadOptions extends Callbacks<Record<string, unknown>> {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  formData?: Record<string, unknown>;
  timeout?: number;
}
type ProgressListener = (progress: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void;

export function uploadFile(options: UploadOptions) {
  const xhr = new XMLHttpRequest();
  const listeners = new Set<ProgressListener>();
  settle('uploadFile', options, async () => {
    const file = await readTempFile(options.filePath);
    const form = new FormData();
    for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, String(value));
    form.append(options.name, file.blob, file.name);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      xhr.open('POST', toPreviewOrigin(options.url));
      for (const [key, value] of Object.entries(options.header ?? {})) {
        if (key.toLowerCase() !== 'content-type') xhr.setRequestHeader(key, value);
      }
      xhr.timeout = options.timeout ?? 60000;
      xhr.upload.onprogress = (event) => {
        if (!event.lengthComputable) return;
        const progress = Math.round((event.loaded / event.total) * 100);
        listeners.forEach((listener) => listener({ progress, totalBytesSent: event.loaded, totalBytesExpectedToSend: event.total }));
      };
      xhr.onload = () => resolve({ data: xhr.responseText, statusCode: xhr.status });
      xhr.onerror = () => reject(new WxFailure('network error'));
      xhr.ontimeout = () => reject(new WxFailure('timeout'));
      xhr.onabort = () => reject(new WxFailure('abort'));
      xhr.send(form);
    });
  });
  return {
    onProgressUpdate: (listener: ProgressListener) => void listeners.add(listener),
    offProgressUpdate: (listener: ProgressListener) => void listeners.delete(listener),
    abort: () => xhr.abort(),
    onHeadersReceived: () => {},
    offHeadersReceived: () => {},
  };
}
