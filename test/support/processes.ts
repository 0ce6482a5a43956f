import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root; tests run the compiled app (`npm test` builds it first, see `pretest`). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts `node dist/<script>` with a clean environment plus `env`, capturing stdout and stderr. */
export const runNode = (script: string, args: string[], env: Record<string, string>): RunningProcess => {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, output: () => output, exited };
};

/** Waits until the process prints `text`, or fails with what it printed when it exits first. */
export const waitForOutput = async (running: RunningProcess, text: string | RegExp, timeoutMs = 20_000) => {
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
