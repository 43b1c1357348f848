// HTTP load on the running host with autocannon over loopback: each case is measured right after the same
// host's /api/health (the floor: what the HTTP stack alone costs), so the ratio says what the backend adds.
import autocannon from 'autocannon';

export const CONNECTIONS = 10;

export interface LoadCase {
  name: string;
  /** The next request's caller and body: every request may be another resident, another application. */
  next?: () => { openid: string; body: string };
  /** The most requests the case has material for (each submission is used once). */
  limit?: number;
}

export interface Measured {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts, non-2xx answers, and 200s whose result was not ok. */
  errors: number;
  non2xx: number;
  notOk: number;
  firstNotOk?: string;
}

export interface CaseResult {
  name: string;
  floor: Measured;
  measured: Measured;
  /** Requests per second of the case over the floor's (below 1: slower). */
  rpsRatio: number;
  /** The case's p99 latency over the floor's. */
  p99Ratio: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(url: string, seconds: number, c: LoadCase | null): Promise<Measured> {
  const latencies: number[] = [];
  let notOk = 0;
  let firstNotOk: string | undefined;
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    // A few requests spare: each connection builds its next request before it knows the run is over.
    ...(c?.limit ? { maxOverallRequests: Math.max(CONNECTIONS, c.limit - 3 * CONNECTIONS) } : {}),
    requests: [
      c?.next
        ? {
            method: 'POST',
            path: `/api/functions/${c.name.startsWith('staff') ? 'staff' : 'resident'}`,
            setupRequest(request) {
              const { openid, body } = c.next!();
              request.headers = { 'content-type': 'application/json', 'x-openid': openid };
              request.body = body;
              return request;
            },
            onResponse(status, body) {
              if (status === 200 && !body.startsWith('{"ok":true')) {
                notOk++;
                firstNotOk ??= body.slice(0, 300);
              }
            },
          }
        : { method: 'GET', path: '/api/health' },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    notOk,
    ...(firstNotOk ? { firstNotOk } : {}),
  };
}

/** Runs each case after its own floor measurement, in order (the writing cases last, so the reads see the seed). */
export async function runLoad(url: string, seconds: number, cases: LoadCase[], log: (line: string) => void): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  // A short warm-up of the HTTP path, so the first floor does not pay for the host's lazy start.
  await measure(url, 1, null);
  for (const c of cases) {
    const floor = await measure(url, seconds, null);
    const measured = await measure(url, seconds, c);
    if (measured.notOk > 0 || measured.non2xx > 0 || measured.errors > 0) {
      log(`  ${c.name}: ${measured.notOk} not ok, ${measured.non2xx} non-2xx, ${measured.errors} errors${measured.firstNotOk ? ` — first: ${measured.firstNotOk}` : ''}`);
    }
    results.push({ name: c.name, floor, measured, rpsRatio: measured.rps / floor.rps, p99Ratio: measured.p99 / floor.p99 });
    log(`  ${c.name}: ${measured.rps.toFixed(0)} req/s (floor ${floor.rps.toFixed(0)}), p99 ${measured.p99.toFixed(2)} ms (floor ${floor.p99.toFixed(2)})`);
  }
  return results;
}
