// HTTP as a stranger may speak it: raw bytes over a socket, so a test can send what fetch never
// would (unreadable targets, lying lengths, bodies cut off or trickled) and read exactly what comes back.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads one response from the socket: resolves when its body is complete or the socket closes. */
export function readAnswer(socket: Socket): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const tryParse = (final: boolean) => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        if (final) reject(new Error(`connection closed without an answer (${data.length} bytes)`));
        return;
      }
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? NaN);
      const body = data.subarray(end + 4);
      if (Number.isFinite(length) ? body.length >= length : final) {
        socket.off('data', onData);
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, Number.isFinite(length) ? length : undefined).toString('utf8') });
      }
    };
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      tryParse(false);
    };
    socket.on('data', onData);
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    socket.on('error', () => tryParse(true));
  });
}

/** Opens a connection to the host of `url`. */
export function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `bytes` as they are and reads the answer. */
export async function rawRequest(url: string, bytes: string | Buffer): Promise<RawAnswer> {
  const socket = await open(url);
  const answer = readAnswer(socket);
  socket.write(bytes);
  try {
    return await answer;
  } finally {
    socket.destroy();
  }
}

/** A multipart body with one part named `field` holding `bytes`, and its content type. */
export function multipart(bytes: Buffer, field = 'file', type = 'image/png'): { body: Buffer; contentType: string } {
  const boundary = '----edge-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="photo"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Parses a result object, failing the test with the raw text when it is not one. */
export function resultOf(answer: RawAnswer): { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } } {
  const value = JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };
  if (typeof value.ok !== 'boolean') throw new Error(`not a result object: ${answer.body}`);
  return value;
}
