import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { obligationTiming } from '../../admin/src/development/obligations.js';

/** The case page's obligations: the earliest day (最早 / not before) beside the deadline (截止 / due). */
describe('admin: obligation dates on a case', () => {
  test('A15 during the wait after a failed vote: not before the end of the wait, then the due date', () => {
    const a15 = { dueOn: '2025-11-01', notBefore: '2025-10-01' };
    expect(obligationTiming(a15, '2025-06-01')).toEqual({
      parts: [
        { key: 'resources.development.not_before', date: '2025-10-01' },
        { key: 'resources.development.due', date: '2025-11-01' },
      ],
      overdue: false,
      waiting: true,
    });
    expect(obligationTiming(a15, '2025-10-01')).toMatchObject({ overdue: false, waiting: false });
    expect(obligationTiming(a15, '2025-11-02')).toMatchObject({ overdue: true, waiting: false });
  });

  test('without a limit only the due date; without either, nothing', () => {
    expect(obligationTiming({ dueOn: '2025-11-01', notBefore: null }, '2025-06-01').parts).toEqual([
      { key: 'resources.development.due', date: '2025-11-01' },
    ]);
    expect(obligationTiming({ dueOn: null, notBefore: null }, '2025-06-01')).toEqual({
      parts: [],
      overdue: false,
      waiting: false,
    });
  });

  test('both languages tell an earliest day from a deadline: 最早 / not before, 截止 / due', () => {
    // The development feature's message files, read as text (messages.en.ts is typed by messages.zh.ts's
    // keys, which the admin build checks).
    const messages = (language: string) => readFileSync(`admin/src/development/messages.${language}.ts`, 'utf8');
    expect(messages('zh')).toContain("not_before: '最早 %{date}'");
    expect(messages('zh')).toContain("due: '截止 %{date}'");
    expect(messages('en')).toContain("not_before: 'not before %{date}'");
    expect(messages('en')).toContain("due: 'due %{date}'");
  });
});
