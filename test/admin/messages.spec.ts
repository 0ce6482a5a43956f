import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import englishMessages from 'ra-language-english';
import { mergeMessages } from '../../admin/src/i18n/merge.js';
import { raChinese } from '../../admin/src/i18n/ra-chinese.js';
import { FEATURES } from '../../src/features.js';
import { listedFeatures, loadAppMessages } from './app-messages.js';

/** The app's messages as the i18n provider merges them: the kernel's and every listed feature's. */
const { zh, en } = await loadAppMessages();

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

describe('the activity log names every event type in words', () => {
  const backend = FEATURES.flatMap((feature) => feature.events);
  // Each feature's labels are typed by its events (src/<feature>/<feature>.events.ts: *_EVENT_LABELS), so
  // the compiler asks for every label; these check that every feature's labels reach the merged messages.
  const choices = { zh: zh.choices as Record<string, unknown>, en: en.choices as Record<string, unknown> };
  const labels = { zh: choices.zh.event as Record<string, string>, en: choices.en.event as Record<string, string> };

  test.each(['zh', 'en'] as const)('every backend event type has a %s label (choices.event.<Type>)', (language) => {
    const missing = backend.filter((type) => !labels[language][type]?.trim());
    expect({ language, missing }).toEqual({ language, missing: [] });
  });

  test.each(['zh', 'en'] as const)(
    'the %s labels (and the activity filter) name only backend event types',
    (language) => {
      const unknown = Object.keys(labels[language]).filter((type) => !backend.includes(type as never));
      expect({ language, unknown }).toEqual({ language, unknown: [] });
    },
  );

  test('the Chinese labels are Chinese, and no two event types share a label in either language', () => {
    for (const type of backend)
      expect({ type, chinese: /[\u4e00-\u9fff]/.test(labels.zh[type]) }).toEqual({ type, chinese: true });
    for (const language of ['zh', 'en'] as const) {
      const texts = backend.map((type) => labels[language][type]);
      expect({ language, duplicates: texts.filter((text, i) => texts.indexOf(text) !== i) }).toEqual({
        language,
        duplicates: [],
      });
    }
  });

  test('the per-feature lists hold every event declared in src/**/*.events.ts, each once', () => {
    const src = join(import.meta.dirname, '../../src');
    const declared = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.events.ts'))
      .flatMap((file) =>
        [...readFileSync(join(src, file), 'utf8').matchAll(/\b(?:Event|Step)<\s*'([A-Z]\w*)'/g)].map((m) => m[1]),
      );
    expect(declared.length).toBeGreaterThan(40);
    expect([...backend].sort()).toEqual([...new Set(declared)].sort());
    expect(new Set(backend).size).toBe(backend.length);
  });
});

describe('the messages are merged from the kernel and each feature (admin/src/features.ts)', () => {
  test('every feature folder (one with a feature.ts) is in the list, once', () => {
    const src = join(import.meta.dirname, '../../admin/src');
    const folders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('/feature.ts') || file.endsWith('/feature.tsx'))
      .map((file) => file.replace(/\/feature\.tsx?$/, ''));
    expect(folders.length).toBeGreaterThan(4);
    expect([...listedFeatures()].sort()).toEqual(folders.sort());
  });

  test('a message defined in two parts is refused, naming its key', () => {
    const units = { resources: { units: { name: '单位' } } };
    expect(mergeMessages([units, { resources: { members: { name: '党员' } } }])).toEqual({
      resources: { units: { name: '单位' }, members: { name: '党员' } },
    });
    expect(() => mergeMessages([units, { resources: { units: { name: '学校' } } }])).toThrow('resources.units.name');
    expect(() => mergeMessages([units, { resources: { units: 'x' } }])).toThrow('resources.units');
    expect(units).toEqual({ resources: { units: { name: '单位' } } }); // the parts are left as they were
  });
});
