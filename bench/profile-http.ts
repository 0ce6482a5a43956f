import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load.js';

/**
 * Where the app's request path spends CPU: starts the app under V8's sampling profiler (--cpu-prof), runs
 * `PROFILE_ROUTE` (write: POST /api/units; list: GET /api/units pages) with 16 clients, stops it, and prints
 * the functions with the most self time. `node dist-bench/bench/profile-http.js [write|list]`.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const route = process.argv[2] === 'list' ? 'list' : 'write';
const dir = mkdtempSync(join(tmpdir(), 'pl-prof-'));
const port = 38000 + (process.pid % 1000);
const app = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`, join(HERE, '..', 'src', 'main.js')],
  {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: join(dir, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      INITIAL_ADMIN_PASSWORD: 'bench-admin-2026',
      SQLITE_SYNCHRONOUS: 'FULL',
      JOBS_PREFIX: `prof-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
await new Promise<void>((resolve) => {
  let out = '';
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    if (/is listening on/.test(out)) resolve();
  };
  app.stdout.on('data', onData);
  app.stderr.on('data', onData);
});
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'bench-admin-2026' }),
});
const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
const writes = (durationMs: number) =>
  runLoad({
    port,
    method: 'POST',
    path: () => '/api/units',
    body: (i) => ({ name: `剖析单位 ${i}-${Math.random()}`, type: 'private_school', district: '城关片区' }),
    headers,
    expect: 201,
    concurrency: 16,
    durationMs,
  });
const first = await writes(route === 'write' ? 15_000 : 5_000);
const result =
  route === 'write'
    ? first
    : await runLoad({
        port,
        method: 'GET',
        path: (i) => `/api/units?range=${encodeURIComponent(`[${(i % 20) * 25},${(i % 20) * 25 + 24}]`)}`,
        headers,
        expect: 200,
        concurrency: 16,
        durationMs: 15_000,
      });
console.log(
  `${route}: ${result.requests} requests, ${result.rate.toFixed(0)}/s, failures ${JSON.stringify(result.failures)}`,
);
const exited = new Promise((resolve) => app.on('exit', resolve));
app.kill('SIGTERM');
await exited;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const file = readdirSync(join(dir, 'prof')).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, 'prof', file), 'utf8')) as { nodes: Node[] };
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(/^.*node_modules\//, 'nm:').replace(/^.*dist-bench\//, '');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  const pkg = url.includes('node_modules/')
    ? url.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
    : url.startsWith('node:')
      ? 'node'
      : url.includes('dist-bench/src')
        ? 'app'
        : functionName || '(native)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.hitCount);
  total += node.hitCount;
}
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`\nBy package:\n${top(byPackage, 15)}\n\nBy function (self time):\n${top(byFunction, 40)}`);
