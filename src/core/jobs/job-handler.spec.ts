import { describe, expect, test } from '@jest/globals';
import { StartupError } from '../errors.js';
import { checkJobWiring } from './job-handler.js';
import { jobId, type Policy } from './policy.js';

const policy = (name: string, jobs: string[]): Policy => ({ name, handles: ['Something'], jobs, react: () => [] });

describe('checkJobWiring (the start-up check)', () => {
  test('every job with exactly one handler passes', () => {
    expect(() =>
      checkJobWiring([policy('p', ['a', 'b'])], [{ name: 'a' }, { name: 'b' }, { name: 'spare' }]),
    ).not.toThrow();
  });

  test('a job without a handler stops the start, naming the policy and the job', () => {
    const check = () => checkJobWiring([policy('reminders', ['send-reminder'])], []);
    expect(check).toThrow(StartupError);
    expect(check).toThrow(
      'policy "reminders" may schedule job "send-reminder", but no job handler is named "send-reminder"',
    );
  });

  test('two handlers of one name, and two policies of one name, are refused', () => {
    const check = () => checkJobWiring([policy('p', ['a']), policy('p', [])], [{ name: 'a' }, { name: 'a' }]);
    expect(check).toThrow('2 job handlers are named "a"');
    expect(check).toThrow('2 policies are named "p"');
  });
});

describe('jobId', () => {
  test('joins the name and the keys with dots', () => {
    expect(jobId('enrol-probationary-member', 'f3c1')).toBe('enrol-probationary-member.f3c1');
  });

  test('refuses what BullMQ refuses: a colon, an integer', () => {
    expect(() => jobId('remind', 'a:b')).toThrow("must not contain ':'");
    expect(() => jobId('42')).toThrow('must not be an integer');
  });
});
