import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { localDate, name, nameKey, parseWith, says, text } from './validation.js';

const schema = z.strictObject({
  name: text(10),
  type: z.enum(['public_school', 'private_school']),
  foundedOn: localDate().optional(),
  members: z.number().int().min(0).optional(),
});

const failure = (input: unknown): ValidationError => {
  try {
    parseWith(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('parseWith', () => {
  test('returns the parsed value when valid', () => {
    expect(parseWith(schema, { name: ' 桥山中学 ', type: 'public_school' })).toEqual({
      name: '桥山中学',
      type: 'public_school',
    });
  });

  test('names each field at fault, in Chinese and English', () => {
    const error = failure({ type: 'palace', members: -1 });
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation.failed');
    const byField = Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    expect(byField.name).toEqual({ zh: '必填', en: 'is required' });
    expect(byField.type.zh).toContain('public_school');
    expect(byField.members.en).toBe('must be at least 0');
    expect(error.text.zh).toContain('name');
  });

  test('rejects unknown fields by name', () => {
    const error = failure({ name: 'a', type: 'private_school', idNumber: '610526…' });
    expect(error.issues).toEqual([expect.objectContaining({ field: 'idNumber', code: 'unrecognized_keys' })]);
  });

  test('checks that a date exists, with a bilingual message from the schema', () => {
    expect(failure({ name: 'a', type: 'private_school', foundedOn: '2026-02-30' }).issues[0]).toMatchObject({
      field: 'foundedOn',
      message: { zh: '不是有效的日期', en: 'is not a valid calendar date' },
    });
    expect(failure({ name: 'a', type: 'private_school', foundedOn: '30/02/2026' }).issues[0].message.en).toBe(
      'must be a date as YYYY-MM-DD',
    );
  });

  test('bounds dates to 1900-2100, so deadlines computed from them stay on the calendar', () => {
    for (const foundedOn of ['9999-12-31', '1899-12-31', '2101-01-01'])
      expect(failure({ name: 'a', type: 'private_school', foundedOn }).issues).toEqual([
        expect.objectContaining({
          field: 'foundedOn',
          message: { zh: '日期应在 1900-01-01 至 2100-12-31 之间', en: 'must be between 1900-01-01 and 2100-12-31' },
        }),
      ]);
    for (const foundedOn of ['1900-01-01', '2100-12-31'])
      expect(parseWith(schema, { name: 'a', type: 'private_school', foundedOn }).foundedOn).toBe(foundedOn);
  });

  test('says() carries both languages through zod', () => {
    const custom = z.string().refine((v) => v === 'ok', { message: says('不行', 'not ok') });
    expect(() => parseWith(custom, 'no')).toThrow('not ok');
  });
});

describe('name()', () => {
  const names = z.strictObject({ name: name(10) });
  test('trims surrounding (also ideographic) spaces and keeps the name', () => {
    expect(parseWith(names, { name: '\u3000 桥山中学 ' })).toEqual({ name: '桥山中学' });
  });
  test.each([
    ['a bidi override', '桥山\u202E学中'],
    ['a bidi isolate', '\u2067桥山中学'],
    ['a zero-width space', '桥山\u200B中学'],
    ['a line break', '桥山\n中学'],
    ['a NUL', '桥山\u0000'],
  ])('refuses %s', (_what, value) => {
    expect(() => parseWith(names, { name: value })).toThrow(ValidationError);
  });
  test('refuses a name longer than its limit', () => {
    expect(() => parseWith(names, { name: '名'.repeat(11) })).toThrow(ValidationError);
  });
  test('nameKey: case, width and spacing do not make another name', () => {
    expect(nameKey(' ＡＢＣ  学校 ')).toBe(nameKey('abc 学校'));
    expect(nameKey('桥山中学')).not.toBe(nameKey('桥山小学'));
  });
});
