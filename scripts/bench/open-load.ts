/**
 * An open-model load generator: requests leave at evenly spaced instants (a fixed arrival rate),
 * whatever the server's speed — a slow answer never delays the next request, and each latency is
 * measured from the instant the request was due (no coordinated omission). Plain node:http with a
 * keep-alive agent and no connection cap, so the arrival rate is never throttled by busy sockets.
 */
import http from "node:http";

export interface LoadRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  rate: number;
  seconds: number;
  sent: number;
  latencies: number[];
  errors: number;
  /** The first few error descriptions, for the report. */
  samples: string[];
}

export interface LoadOptions {
  base: string;
  rate: number;
  seconds: number;
  /** The i-th request. */
  request: (i: number) => LoadRequest;
  /** An error description for a bad response, or null. Default: anything but 200 is an error. */
  check?: (status: number, body: string, i: number) => string | null;
  timeoutMs?: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function send(
  base: URL,
  req: LoadRequest,
  timeoutMs: number,
  retried = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: req.path,
        method: req.method ?? "GET",
        headers: req.headers,
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    r.on("error", (e: NodeJS.ErrnoException) => {
      // The server closed an idle kept-alive socket just as it was reused: the request never reached
      // it, so sending it again on a fresh socket is safe (Node's documented pattern).
      if (!retried && r.reusedSocket && e.code === "ECONNRESET") send(base, req, timeoutMs, true).then(resolve, reject);
      else reject(e);
    });
    if (req.body !== undefined) r.end(req.body);
    else r.end();
  });
}

export async function openLoad(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.base);
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const interval = 1000 / opts.rate;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const check = opts.check ?? ((status) => (status === 200 ? null : `HTTP ${status}`));
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 20;

  const fire = (i: number, due: number) => {
    const req = opts.request(i);
    inFlight.push(
      send(base, req, timeoutMs).then(
        ({ status, body }) => {
          const latency = performance.now() - due;
          const problem = check(status, body, i);
          if (problem) {
            errors++;
            if (samples.length < 5) samples.push(`${req.path}: ${problem}`);
          } else latencies.push(latency);
        },
        (e: Error) => {
          errors++;
          if (samples.length < 5) samples.push(`${req.path}: ${e.message}`);
        },
      ),
    );
  };

  // A timer wakes every few ms and sends every request that has come due since the last wake.
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        fire(next, start + next * interval);
        next++;
      }
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, Math.min(5, start + next * interval - performance.now())));
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inFlight);
  return { rate: opts.rate, seconds: opts.seconds, sent: total, latencies, errors, samples };
}

/** Nearest-rank percentile of the successful responses' latencies (ms); NaN when there are none. */
export function percentile(latencies: number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
