import { closeSync, constants, existsSync, openSync, statfsSync } from 'node:fs';
import { StartupError, type Bilingual } from './errors.js';

/** Why the data folder cannot take a write: from SQLite's result codes and the file system's errno. */
export type StorageProblem = 'full' | 'read-only' | 'io-error' | 'busy';

/**
 * Below this much free space a start is refused: a first start alone writes about 1 MB, and SQLite
 * must be able to grow its -wal and -shm files (a -shm page it cannot get is a SIGBUS, not an error).
 */
export const MIN_FREE_BYTES = 4 * 1024 * 1024;

const PROBLEM_BY_CODE: [RegExp, StorageProblem][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, 'full'],
  [/^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM)(_|$)|^(EROFS|EACCES|EPERM)$/, 'read-only'],
  [/^SQLITE_IOERR(_|$)|^EIO$/, 'io-error'],
  [/^SQLITE_BUSY(_|$)|^SQLITE_LOCKED(_|$)/, 'busy'],
];

/** The storage problem an error reports (better-sqlite3's SqliteError and Node's fs errors carry `code`). */
export const storageProblemOf = (error: unknown): StorageProblem | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return undefined;
  return PROBLEM_BY_CODE.find(([pattern]) => pattern.test(code))?.[1];
};

export const STORAGE_TEXT: Record<StorageProblem, Bilingual> = {
  full: {
    zh: '数据目录所在磁盘已满，暂时无法保存；请管理员释放空间后重试',
    en: 'The disk holding the data folder is full: nothing can be saved until an administrator frees space',
  },
  'read-only': {
    zh: '数据目录不可写，暂时无法保存；请管理员检查 DATA_DIR 的权限或挂载方式',
    en: 'The data folder cannot be written: an administrator must check DATA_DIR’s permissions or mount',
  },
  'io-error': {
    zh: '写入数据目录时发生磁盘错误，暂时无法保存；请管理员检查磁盘',
    en: 'The disk reported an error writing the data folder: an administrator must check it',
  },
  busy: {
    zh: '数据库正忙，请稍后重试',
    en: 'The store is busy; try again in a moment',
  },
};

/** Free bytes for this user on the file system holding `dir`, or null where statfs is not available. */
export const freeBytes = (dir: string): number | null => {
  try {
    const stats = statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
};

/** The SQLite files of a database: the file itself and the -wal and -shm files WAL mode keeps beside it. */
export const sqliteFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/** The first existing file of `files` this process cannot open for writing, with the errno code. */
export const unwritableFile = (files: string[]): { file: string; code: string } | undefined => {
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      closeSync(openSync(file, constants.O_RDWR));
    } catch (error) {
      return { file, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
  return undefined;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Refuses to start on a data folder SQLite could not write: too little free space, or an existing
 * database, -wal or -shm file that cannot be opened for writing. Without this check SQLite fails on
 * the first write, or the process dies of SIGBUS touching a -shm page the file system cannot supply.
 */
export const checkDataDirCanBeWritten = (dataDir: string, databases: string[]): void => {
  const free = freeBytes(dataDir);
  if (free !== null && free < MIN_FREE_BYTES) {
    throw new StartupError(
      `DATA_DIR ${dataDir} has only ${mb(free)} free; Party Ledger needs at least ${mb(MIN_FREE_BYTES)} to write its store.\n` +
        `数据目录 ${dataDir} 所在磁盘空间不足（剩余 ${mb(free)}，至少需要 ${mb(MIN_FREE_BYTES)}）。Free some space or set DATA_DIR to another disk.`,
    );
  }
  const blocked = unwritableFile(databases.flatMap(sqliteFiles));
  if (blocked) {
    throw new StartupError(
      `${blocked.file} cannot be opened for writing (${blocked.code}).\n` +
        `数据文件 ${blocked.file} 不可写。Check the permissions and the mount of DATA_DIR ${dataDir}.`,
    );
  }
};

/** A StartupError naming `file` for a storage failure while opening it, or undefined for other errors. */
export const startupErrorOpening = (file: string, error: unknown): StartupError | undefined => {
  const problem = storageProblemOf(error);
  if (!problem || problem === 'busy') return undefined;
  const code = (error as { code: string }).code;
  return new StartupError(
    `Cannot write ${file} (${code}): ${STORAGE_TEXT[problem].en}.\n无法写入 ${file}：${STORAGE_TEXT[problem].zh}。`,
  );
};
