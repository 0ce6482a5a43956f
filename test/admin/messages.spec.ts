import { describe, expect, test } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { raChinese } from '../../admin/src/i18n/ra-chinese.js';

/** Every key path of a nested message object, e.g. `ra.action.save`. */
const keys = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('the admin speaks Chinese everywhere react-admin speaks', () => {
  test('the Chinese messages have every key of ra-language-english and no other', () => {
    expect(keys(raChinese).sort()).toEqual(keys(englishMessages).sort());
  });

  test('each message is translated: Chinese text, one plural form, only placeholders react-admin fills', () => {
    const english = englishMessages as unknown as Record<string, unknown>;
    const chinese = raChinese as unknown as Record<string, unknown>;
    const at = (messages: Record<string, unknown>, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
    const placeholders = (text: string) => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();
    for (const path of keys(englishMessages)) {
      const zh = at(chinese, path);
      const en = at(english, path);
      // Messages that are only placeholders in English (`%{name}`) need no words in Chinese either.
      const words = /[A-Za-z]/.test(en.replace(/%\{\w+\}/g, ''));
      expect({ path, translated: !words || /[\u4e00-\u9fff]/.test(zh) }).toEqual({ path, translated: true });
      const unknown = placeholders(zh).filter((p) => !placeholders(en).includes(p));
      expect({ path, unknown }).toEqual({ path, unknown: [] });
      // Polyglot's rule for zh always picks the first form: a second one would never show.
      expect({ path, plural: zh.includes('||||') }).toEqual({ path, plural: false });
    }
  });
});
