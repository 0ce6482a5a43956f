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

  test('each message is translated: Chinese text, with the same %{placeholders}', () => {
    const english = englishMessages as unknown as Record<string, unknown>;
    const chinese = raChinese as unknown as Record<string, unknown>;
    const at = (messages: Record<string, unknown>, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
    const placeholders = (text: string) => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();
    for (const path of keys(englishMessages)) {
      const zh = at(chinese, path);
      const en = at(english, path);
      if (path === 'ra.boolean.null') continue;
      expect({ path, chinese: /[\u4e00-\u9fff]/.test(zh) }).toEqual({ path, chinese: true });
      // `field_lower_first` is a casing helper with no meaning in Chinese; `field` would do as well.
      expect({ path, placeholders: placeholders(zh) }).toEqual({ path, placeholders: placeholders(en) });
      expect({ path, plural: zh.includes('||||') }).toEqual({ path, plural: en.includes('||||') });
    }
  });
});
