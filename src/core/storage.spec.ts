import { describe, expect, test } from '@jest/globals';
import { toErrorDetails } from './http/error-filter.js';
import { storageProblemOf } from './storage.js';

const sqliteError = (code: string) => Object.assign(new Error(code), { name: 'SqliteError', code });

describe('a store that cannot be written is a 503 naming why, never a bare 500', () => {
  test.each([
    ['SQLITE_FULL', 'full'],
    ['ENOSPC', 'full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CANTOPEN', 'read-only'],
    ['EROFS', 'read-only'],
    ['SQLITE_IOERR_WRITE', 'io-error'],
    ['SQLITE_IOERR_SHMSIZE', 'io-error'],
    ['SQLITE_BUSY', 'busy'],
  ])('%s is %s', (code, problem) => expect(storageProblemOf(sqliteError(code))).toBe(problem));

  test('other errors are none of these', () => {
    for (const error of [new Error('x'), sqliteError('SQLITE_CONSTRAINT_UNIQUE'), { code: 42 }, null, 'SQLITE_FULL'])
      expect(storageProblemOf(error)).toBeUndefined();
  });

  test('the error filter answers 503 store.unwritable (store.busy when busy) in both languages', () => {
    expect(toErrorDetails(sqliteError('SQLITE_FULL'))).toMatchObject({
      statusCode: 503,
      code: 'store.unwritable',
      message: { zh: expect.stringContaining('磁盘已满'), en: expect.stringContaining('full') },
    });
    expect(toErrorDetails(sqliteError('SQLITE_IOERR_WRITE'))).toMatchObject({
      statusCode: 503,
      code: 'store.unwritable',
    });
    expect(toErrorDetails(sqliteError('SQLITE_BUSY'))).toMatchObject({ statusCode: 503, code: 'store.busy' });
    expect(toErrorDetails(new Error('unexpected'))).toMatchObject({ statusCode: 500, code: 'internal' });
  });
});
