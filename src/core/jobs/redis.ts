import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { StartupError } from '../errors.js';

export const REDIS = Symbol('REDIS');
/** The RedisReady of start-up: a private redis-server started for this process is stopped with it. */
export const REDIS_READY = Symbol('REDIS_READY');

export interface RedisReady {
  url: string;
  /** The private redis-server this process started, when it had to. */
  child?: ChildProcess;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * One PING with no retries: start-up wants a yes or no, not ioredis' patient reconnects. Nothing
 * listening is a quick no; the timeout only bounds a Redis that is there but slow, which on a busy
 * machine (or while this process is still loading) can take seconds: too short a wait would take a
 * running Redis for none and try to start a second one on its port.
 */
export const redisAnswers = async (url: string, timeoutMs = 5000): Promise<boolean> => {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
};

const redisServerOnPath = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Makes sure a Redis answers at `url` (architecture.md, "What runs where"): use it when it
 * answers; otherwise, for a local URL with redis-server on PATH, start a private one with its
 * data (AOF on, so jobs survive restarts) under DATA_DIR/redis; otherwise stop with the ways to get one.
 */
export const ensureRedis = async (
  url: string,
  options: { autostart: boolean; dataDir: string; log: (message: string) => void },
): Promise<RedisReady> => {
  if (await redisAnswers(url)) return { url };
  const parsed = new URL(url);
  const port = parsed.port || '6379';
  if (options.autostart && LOCAL_HOSTS.has(parsed.hostname) && redisServerOnPath()) {
    const dir = join(options.dataDir, 'redis');
    mkdirSync(dir, { recursive: true });
    const logFile = openSync(join(dir, 'redis.log'), 'a');
    const child = spawn(
      'redis-server',
      [
        '--port',
        port,
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
      ],
      { stdio: ['ignore', logFile, logFile] },
    );
    // Up to 30 s for the private server to listen: on a busy machine it takes far longer than the usual 100 ms.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      if (child.exitCode !== null) break;
      if (await redisAnswers(url, 2000)) {
        options.log(
          `No Redis answered at ${url}: started a private redis-server (pid ${child.pid}) with its data in ${dir}`,
        );
        return { url, child };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill();
    throw new StartupError(`Started redis-server for ${url} but it did not answer; see ${join(dir, 'redis.log')}`);
  }
  throw new StartupError(
    [
      `No Redis answers at ${url} (REDIS_URL), and none can be started here.`,
      `无法连接 Redis（${url}）。Install or start one, then run again:`,
      '  - Debian/Ubuntu: sudo apt install redis-server',
      '  - macOS:         brew install redis',
      '  - Docker:        docker compose up -d redis',
      'or point REDIS_URL at a running Redis.',
    ].join('\n'),
  );
};

/** Stops the private redis-server, if this process started one; SIGTERM lets it finish its AOF first. */
export const stopPrivateRedis = async ({ child }: RedisReady, timeoutMs = 5000): Promise<void> => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
};
