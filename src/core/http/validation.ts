import { z } from 'zod';
import { ValidationError, type Bilingual, type FieldIssue } from '../errors.js';
import { isValidLocalDate } from '../time/local-date.js';

const SEPARATOR = '\u001f';

/**
 * A bilingual message for a schema's own checks: `z.string().regex(re, { message: says('…', '…') })`.
 * Zod carries one string, so both languages travel in it, split again by `issueText`.
 */
export const says = (zh: string, en: string): string => `${zh}${SEPARATOR}${en}`;

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  boolean: { zh: '是/否', en: 'a boolean' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  date: { zh: '日期', en: 'a date' },
};

const typeName = (expected: string): Bilingual => TYPE_NAMES[expected] ?? { zh: expected, en: expected };

/** Chinese and English text for one zod issue. */
export const issueText = (issue: z.core.$ZodIssue): Bilingual => {
  if (issue.message.includes(SEPARATOR)) {
    const [zh, en] = issue.message.split(SEPARATOR);
    return { zh, en };
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { zh: '必填', en: 'is required' }
        : { zh: `应为${typeName(issue.expected).zh}`, en: `must be ${typeName(issue.expected).en}` };
    case 'too_small':
      return issue.origin === 'string'
        ? { zh: `至少 ${issue.minimum} 个字符`, en: `must have at least ${issue.minimum} characters` }
        : issue.origin === 'array'
          ? { zh: `至少 ${issue.minimum} 项`, en: `must have at least ${issue.minimum} items` }
          : { zh: `不能小于 ${issue.minimum}`, en: `must be at least ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { zh: `最多 ${issue.maximum} 个字符`, en: `must have at most ${issue.maximum} characters` }
        : issue.origin === 'array'
          ? { zh: `最多 ${issue.maximum} 项`, en: `must have at most ${issue.maximum} items` }
          : { zh: `不能大于 ${issue.maximum}`, en: `must be at most ${issue.maximum}` };
    case 'invalid_format':
      return { zh: `格式不正确（${issue.format}）`, en: `has an invalid format (${issue.format})` };
    case 'invalid_value':
      return {
        zh: `取值应为：${issue.values.map(String).join('、')}`,
        en: `must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: `不允许的字段：${issue.keys.join('、')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
    default:
      return { zh: '取值无效', en: 'is invalid' };
  }
};

const fieldOf = (issue: z.core.$ZodIssue): string => {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1)
    return path ? `${path}.${issue.keys[0]}` : issue.keys[0];
  return path;
};

/** Parses `input` with `schema`, or throws a ValidationError naming every field at fault. */
export const parseWith = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: fieldOf(issue),
    code: issue.code,
    message: issueText(issue),
  }));
  throw new ValidationError(issues);
};

/**
 * The dates a client may send. Deadlines add months and years to them (a committee's five-year term,
 * a probation year), so an unbounded 9999-12-31 would overflow the calendar; nothing in a Party
 * ledger happened before 1900 or is planned after 2100.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/** A real calendar date written `YYYY-MM-DD` between {@link EARLIEST_DATE} and {@link LATEST_DATE}. */
export const isClientDate = (value: unknown): value is string =>
  isValidLocalDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;

/** Calendar date `YYYY-MM-DD` that exists (2026-02-30 does not), from 1900 to 2100. */
export const localDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: says('日期格式应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD') })
    .refine(isValidLocalDate, { message: says('不是有效的日期', 'is not a valid calendar date') })
    .refine((value) => !isValidLocalDate(value) || isClientDate(value), {
      message: says(
        `日期应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`,
        `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      ),
    });

/** A non-empty trimmed text field of bounded length. */
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: says('不能为空', 'must not be empty') })
    .max(max);

/**
 * Characters a name never needs and that make one name look like another or hide what it says:
 * control characters (Cc: tabs, line breaks, NUL…), invisible format characters (Cf: bidi overrides
 * U+202A–U+202E and isolates U+2066–U+2069, zero-width spaces and joiners, soft hyphens, BOMs),
 * lone surrogates (Cs) and line/paragraph separators. Private-use characters stay allowed: GB18030
 * systems map rare hanzi of real names there.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * A name or one-line label (unit, organisation, member, post): trimmed, NFC-normalised, non-empty,
 * bounded, with none of {@link HIDDEN_CHARACTERS}. Form and roster import share it through their schemas.
 */
export const name = (max = 100) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { message: says('不能为空', 'must not be empty') })
    .max(max)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), {
      message: says(
        '不能包含控制字符或不可见的格式字符（如换行、双向文本控制符）',
        'must not contain control or invisible formatting characters (line breaks, bidi overrides…)',
      ),
    });

/** Two names that differ only in case, width, spacing or Unicode composition are the same name. */
export const nameKey = (value: string): string => value.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
