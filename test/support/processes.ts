import { afterAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root; tests run the compiled app (`npm test` builds it first, see `pretest`). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * How long a test waits for a child process to start. The suite must pass on a busy machine (load 8
 * on 2 cores makes a start take ten times as long as on an idle one), so this is generous; a start
 * that really hangs still fails, with what the process printed.
 */
export const START_TIMEOUT_MS = 120_000;

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Every child a test started and that has not ended yet, in one registry per jest worker (a global,
 * because jest loads this module afresh for each test file). Whatever a test did or failed to do,
 * its children are stopped after its file (afterAll below) and, as a last resort, when the worker exits.
 */
const REGISTRY = Symbol.for('party-ledger.test-children');
const registry = ((globalThis as Record<symbol, Set<ChildProcess> | undefined>)[REGISTRY] ??= (() => {
  const children = new Set<ChildProcess>();
  process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
  return children;
})());

/** Registers a child the test started itself, so that it is stopped with the others. */
export const track = <T extends ChildProcess>(child: T): T => {
  registry.add(child);
  child.on('exit', () => registry.delete(child));
  return child;
};

/** Stops every child still running: SIGTERM, then SIGKILL for those still there after `graceMs`. */
export const stopChildren = async (graceMs = 10_000): Promise<void> => {
  const running = [...registry].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
};

// Every test file that imports this module stops its children when it ends, passed or failed.
afterAll(() => stopChildren(), 30_000);

/** Starts `node dist/<script>` with a clean environment plus `env`, capturing stdout and stderr. */
export const runNode = (script: string, args: string[], env: Record<string, string>): RunningProcess => {
  const child = track(
    spawn(process.execPath, [join(ROOT, 'dist', script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'log', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, output: () => output, exited };
};

/** Waits until the process prints `text`, or fails with what it printed when it exits first. */
export const waitForOutput = async (running: RunningProcess, text: string | RegExp, timeoutMs = START_TIMEOUT_MS) => {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  running.exited.then(() => (ended = true));
  const found = () => (typeof text === 'string' ? running.output().includes(text) : text.test(running.output()));
  while (!found()) {
    if (ended) throw new Error(`process exited before printing ${text}:\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Resolves with the exit code or signal, or with 'still running' when the process has not ended within `ms`. */
export const exitWithin = (running: RunningProcess, ms: number): Promise<number | string> =>
  Promise.race([
    running.exited,
    new Promise<string>((resolve) => setTimeout(() => resolve('still running'), ms).unref()),
  ]);

/** A TCP port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
