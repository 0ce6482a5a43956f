import { accessSync, constants, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve, join } from 'node:path';
import { z } from 'zod';
import { StartupError } from './core/errors.js';

/**
 * The one typed configuration, read from the environment once at start. Every default works
 * with nothing set: `npm start` runs the embedded SQLite store under ./data and a local Redis.
 */
const schema = z.object({
  EVENT_STORE: z.enum(['sqlite', 'eventstoredb', 'memory']).default('sqlite'),
  EVENTSTORE_CONNECTION_STRING: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Start a private redis-server from PATH when REDIS_URL does not answer (laptops). */
  REDIS_AUTOSTART: z.stringbool().default(true),
  /** Key prefix of the job queue in Redis: instances sharing a prefix share the queue. */
  JOBS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.{}-]{1,64}$/, 'letters, digits, _ . - { } only (at most 64)')
    .default('party-ledger'),
  /** api: no policies and no job worker; worker and all: with them (a worker still answers /api/health). */
  APP_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** Load the demo county into an empty store at the first start. */
  SEED_DEMO: z.stringbool().default(true),
  /** Comma-separated origins allowed by CORS; empty means CORS is off (same origin only). */
  CORS_ORIGINS: z.string().default(''),
  /**
   * Which reverse proxies may tell the client's address (X-Forwarded-For), as Express's `trust proxy`
   * takes it: `false` (none: the socket's peer is the client), `true` (any: only when nothing but the
   * proxy can reach the app), a hop count, or a comma-separated list of addresses, subnets and
   * `loopback` / `linklocal` / `uniquelocal`. The sign-in lockout and rate limit count per address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine(
      (value) => parseTrustProxy(value) !== undefined,
      'false, true, a hop count, or a comma-separated list of addresses, subnets, loopback, linklocal, uniquelocal',
    ),
  /** Largest request body accepted (bytes); imports upload files through their own route. */
  BODY_LIMIT: z.string().default('1mb'),
  /** Largest evidence file (印证资料) an upload may carry, in bytes: 50 MB unless set. */
  EVIDENCE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  /** Signing key of access tokens; by default a random one kept in DATA_DIR/auth-secret. */
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/)
    .default('8h'),
  /** Password of the first administrator (`admin`) created on an empty store; generated and printed when unset. */
  INITIAL_ADMIN_PASSWORD: z.string().min(8).optional(),
  /**
   * The audit key (Ed25519, PEM): signs the log's checkpoints and keys its chain. Kept apart from the data:
   * by default `keys/audit-ed25519.pem` in the folder that holds DATA_DIR (./keys beside ./data), created
   * at the first start with mode 0600. Back it up apart from the data; without it nothing is signed.
   */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** A signed checkpoint of the log's head after this many new events… */
  AUDIT_CHECKPOINT_EVENTS: z.coerce.number().int().min(1).default(1000),
  /** …or this many minutes after the last one when the log has grown (and at every shutdown). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().min(0.01).default(10),
});

type Raw = z.output<typeof schema>;

/** Express's `trust proxy` setting: none/all, a hop count, or the trusted addresses and subnets. */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address or subnet (`10.0.0.0/8`, `fd00::/8`, `10.0.0.0/255.0.0.0`) as proxy-addr accepts it. */
const isAddressOrSubnet = (entry: string): boolean => {
  const [address, range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
};

/** TRUST_PROXY as Express takes it, or undefined when it is none of the accepted forms. */
export const parseTrustProxy = (value: string): TrustProxy | undefined => {
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every((entry) => PROXY_NAMES.includes(entry) || isAddressOrSubnet(entry)) ? entries : undefined;
};

export interface AppConfig {
  eventStore: {
    kind: Raw['EVENT_STORE'];
    connectionString?: string;
    sqliteFile: string;
    synchronous: Raw['SQLITE_SYNCHRONOUS'];
  };
  dataDir: string;
  readModelFile: string;
  http: { port: number; host: string; corsOrigins: string[]; bodyLimit: string; trustProxy: TrustProxy };
  redis: { url: string; autostart: boolean };
  jobs: { prefix: string };
  appRole: Raw['APP_ROLE'];
  timeZone: string;
  logLevel: Raw['LOG_LEVEL'];
  seedDemo: boolean;
  evidence: { maxFileBytes: number };
  auth: { secret?: string; tokenTtl: string; initialAdminPassword?: string };
  audit: { keyFile: string; checkpointEvents: number; checkpointMinutes: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in schema.shape && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new StartupError(`Invalid configuration / 配置有误:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  if (raw.EVENT_STORE === 'eventstoredb' && !raw.EVENTSTORE_CONNECTION_STRING) {
    throw new StartupError(
      'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. kurrentdb://localhost:2113?tls=false\n' +
        '使用 EventStoreDB 时必须设置 EVENTSTORE_CONNECTION_STRING',
    );
  }
  const dataDir = resolve(raw.DATA_DIR);
  return {
    eventStore: {
      kind: raw.EVENT_STORE,
      connectionString: raw.EVENTSTORE_CONNECTION_STRING,
      sqliteFile: join(dataDir, 'events.sqlite'),
      synchronous: raw.SQLITE_SYNCHRONOUS,
    },
    dataDir,
    readModelFile: join(dataDir, 'read-models.sqlite'),
    http: {
      port: raw.PORT,
      host: raw.HOST,
      corsOrigins: raw.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      bodyLimit: raw.BODY_LIMIT,
      trustProxy: parseTrustProxy(raw.TRUST_PROXY)!,
    },
    redis: { url: raw.REDIS_URL, autostart: raw.REDIS_AUTOSTART },
    jobs: { prefix: raw.JOBS_PREFIX },
    appRole: raw.APP_ROLE,
    timeZone: raw.TIME_ZONE,
    logLevel: raw.LOG_LEVEL,
    seedDemo: raw.SEED_DEMO,
    evidence: { maxFileBytes: raw.EVIDENCE_MAX_FILE_BYTES },
    auth: { secret: raw.AUTH_SECRET, tokenTtl: raw.AUTH_TOKEN_TTL, initialAdminPassword: raw.INITIAL_ADMIN_PASSWORD },
    audit: {
      keyFile: resolve(raw.AUDIT_KEY_FILE ?? join(dirname(dataDir), 'keys', 'audit-ed25519.pem')),
      checkpointEvents: raw.AUDIT_CHECKPOINT_EVENTS,
      checkpointMinutes: raw.AUDIT_CHECKPOINT_MINUTES,
    },
  };
};

/** Creates DATA_DIR when absent and proves it is writable, before anything opens a file in it. */
export const ensureDataDir = (dataDir: string): void => {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
    const probe = join(dataDir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new StartupError(
      `DATA_DIR ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n` +
        `数据目录 ${dataDir} 不可写。Set DATA_DIR to a folder this user can write, e.g. DATA_DIR=./data`,
    );
  }
};
