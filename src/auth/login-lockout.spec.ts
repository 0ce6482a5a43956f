import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { loadConfig, parseTrustProxy } from '../config.js';
import { StartupError } from '../core/errors.js';
import { ManualClock } from '../core/time/clock.js';
import { LOCK_MINUTES, LoginLockout, MAX_FAILURES } from './login-lockout.js';

describe('sign-in lockout: per account and address', () => {
  const lockout = () => {
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    return { clock, lockout: new LoginLockout(new Database(':memory:'), clock) };
  };

  test('wrong passwords from one address lock the account there only, for 15 minutes', () => {
    const { clock, lockout: l } = lockout();
    for (let i = 0; i < MAX_FAILURES; i++) l.recordFailure('lisi', '203.0.113.5');
    expect(l.retryAfter('lisi', '203.0.113.5')).toBe(LOCK_MINUTES * 60);
    // The real user at their own desk, and another account at the attacker's address, are not locked.
    expect(l.retryAfter('lisi', '198.51.100.7')).toBe(0);
    expect(l.retryAfter('wang', '203.0.113.5')).toBe(0);
    clock.advance(LOCK_MINUTES * 60_000);
    expect(l.retryAfter('lisi', '203.0.113.5')).toBe(0);
  });

  test('a right password clears the failures at its own address, not those counted elsewhere', () => {
    const { lockout: l } = lockout();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      l.recordFailure('lisi', '203.0.113.5');
      l.recordFailure('lisi', '198.51.100.7');
    }
    l.recordSuccess('lisi', '198.51.100.7');
    l.recordFailure('lisi', '198.51.100.7');
    l.recordFailure('lisi', '203.0.113.5');
    expect(l.retryAfter('lisi', '198.51.100.7')).toBe(0);
    expect(l.retryAfter('lisi', '203.0.113.5')).toBeGreaterThan(0);
  });
});

describe('TRUST_PROXY', () => {
  test('takes what Express `trust proxy` takes, and nothing by default', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, 192.168.1.1/255.255.255.0')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.1/255.255.255.0',
    ]);
    expect(loadConfig({ TRUST_PROXY: '172.16.0.1' }).http.trustProxy).toEqual(['172.16.0.1']);
  });

  test('a wrong value stops the start naming the variable', () => {
    for (const wrong of ['yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1,']) {
      expect(parseTrustProxy(wrong)).toBeUndefined();
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(StartupError);
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
    }
  });
});
