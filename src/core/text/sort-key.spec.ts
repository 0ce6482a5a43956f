import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sortKey } from './sort-key.js';

const collator = new Intl.Collator('zh-CN');
const byKey = (names: string[]) =>
  [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

describe('sortKey: byte order of the key is pinyin order', () => {
  test('the demo county’s organisations sort as a Chinese reader expects', () => {
    const names = [
      '中共蒲城县教育局委员会',
      '东槐院小学党总支',
      '党睦镇中心小学党支部',
      '兴华学校党支部',
      '桥山中学党总支',
      '尧山中学党支部',
      '蒲城县教育局民办教育第10挂靠党支部',
      '蒲城县教育局民办教育第2挂靠党支部',
    ];
    expect(byKey(names)).toEqual([...names].sort(collator.compare));
    // 党 dǎng, 东 dōng, … 中 zhōng: the bureau committee comes last, not second by code point.
    expect(byKey(names).at(-1)).toBe('中共蒲城县教育局委员会');
    expect([...names].sort().at(1)).toBe('中共蒲城县教育局委员会');
  });

  test('agrees with Intl.Collator("zh-CN") on random Chinese names, mixed with digits and brackets', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));
    const other = fc.constantFrom('（', '）', '1', '2', '0', '·', '第', '党', '支', '部', '中');
    const name = fc.array(fc.oneof(han, han, other), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const byCollator = Math.sign(collator.compare(a, b));
        const byKeys = sortKey(a) === sortKey(b) ? 0 : sortKey(a) < sortKey(b) ? -1 : 1;
        expect(byKeys).toBe(byCollator);
      }),
      { numRuns: 2000 },
    );
  });

  test('a key is the keys of its characters, one per code point, beyond the BMP and lone surrogates too', () => {
    const char = fc.oneof(
      fc.integer({ min: 0x20, max: 0xffff }).map((cp) => String.fromCharCode(cp)), // lone surrogates included
      fc.integer({ min: 0x10000, max: 0x2ffff }).map((cp) => String.fromCodePoint(cp)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const perCharacter = Array.from(text, (c) => sortKey(c)).join('');
        expect(sortKey(text)).toBe(perCharacter);
        expect(perCharacter.length).toBe(6 * Array.from(text).length);
      }),
      { numRuns: 2000 },
    );
    // A character beyond the BMP is one piece, not the pieces of its two surrogates.
    expect(sortKey('𠮷')).toHaveLength(6);
    expect(sortKey('𠮷')).not.toBe(sortKey('\ud842') + sortKey('\udfb7'));
  });

  test('a prefix sorts first; empty and missing names sort before any name', () => {
    expect(sortKey('中') < sortKey('中共')).toBe(true);
    expect(sortKey('')).toBe('');
    expect(sortKey(null)).toBe('');
    expect(sortKey('𠮷') > sortKey('中')).toBe(true); // outside the table: after it, still a key
  });
});
