import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  rate: number;
  p50: number;
  p99: number;
  /** Answers other than the expected status, by status. */
  failures: Record<string, number>;
}

export interface LoadSpec {
  port: number;
  method: 'GET' | 'POST';
  /** Path of request number `i` (0-based, across all clients). */
  path: (i: number) => string;
  body?: (i: number) => unknown;
  headers?: Record<string, string>;
  expect: number;
  concurrency: number;
  durationMs: number;
}

/**
 * A closed-loop load: `concurrency` clients, each sending its next request as soon as the last one was
 * answered, over keep-alive connections, for `durationMs`. Latency is measured per request (p50, p99 in ms).
 */
export const runLoad = async (spec: LoadSpec): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const deadline = performance.now() + spec.durationMs;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const payload = spec.body ? JSON.stringify(spec.body(i)) : undefined;
      const started = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port: spec.port,
          method: spec.method,
          path: spec.path(i),
          agent,
          headers: {
            ...spec.headers,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - started);
            if (response.statusCode !== spec.expect)
              failures[String(response.statusCode)] = (failures[String(response.statusCode)] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        failures[error.message] = (failures[error.message] ?? 0) + 1;
        resolve();
      });
      req.end(payload);
    });
  const client = async () => {
    while (performance.now() < deadline) await one(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, rate: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failures };
};
