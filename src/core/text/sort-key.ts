/**
 * Names sort the way Chinese users expect (pinyin, as `Intl.Collator('zh-CN')` orders them), not by code
 * point. SQLite here has no ICU and better-sqlite3 cannot register a collation, so projections store a
 * sort key beside each name: every character becomes its rank in one table, fixed width, so the key's
 * byte order (SQLite's BINARY) is the collator's order. Ordering one character at a time agrees with the
 * collator for Chinese names (every Han character has its own primary weight in the pinyin tailoring);
 * sort-key.spec.ts checks it on random names.
 */

/** The characters names are made of; all others rank after them, by code point. */
const RANKED_RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xb7, 0xb7], // middle dot of transliterated names
  [0x2010, 0x206f], // general punctuation: dashes, quotes
  [0x3000, 0x303f], // CJK punctuation
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xff01, 0xff5e], // full-width forms: （）、０-９
];

const WIDTH = 6; // hex digits: ranks, then ranked.length + code point for the rest (below 0x10FFFF + 0x8000)

let ranks: Map<number, number> | undefined;

/** Built once per process (about 0.2 s): the ranked characters sorted by the zh-CN collator. */
const rankTable = (): Map<number, number> => {
  if (ranks) return ranks;
  const chars: string[] = [];
  for (const [from, to] of RANKED_RANGES) for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
  const collator = new Intl.Collator('zh-CN');
  chars.sort(collator.compare);
  ranks = new Map(chars.map((char, rank) => [char.codePointAt(0)!, rank]));
  return ranks;
};

const piece = (table: Map<number, number>, cp: number): string =>
  (table.get(cp) ?? table.size + cp).toString(16).padStart(WIDTH, '0');

/**
 * Each BMP character's piece of the key, made on first use. Formatting the hex digits was most of the cost
 * (2.1 µs a school name, 0.3 with this), and projections key every name they keep, in every rebuild.
 */
const bmpPieces: string[] = [];

/** The key that sorts `text` in pinyin order under SQLite's byte comparison. */
export const sortKey = (text: string | null | undefined): string => {
  if (!text) return '';
  const table = rankTable();
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      // A character beyond the BMP (a rare Han character of extension B, say): its own piece, uncached.
      key += piece(table, (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
      i++;
    } else key += bmpPieces[unit] ??= piece(table, unit);
  }
  return key;
};
