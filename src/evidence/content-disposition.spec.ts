import { describe, expect, test } from '@jest/globals';
import { attachment } from './content-disposition.js';

describe('Content-Disposition for evidence downloads', () => {
  test('a Chinese name travels as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(attachment('2026年帮扶总结.pdf')).toBe(
      `attachment; filename="2026_____.pdf"; filename*=UTF-8''2026%E5%B9%B4%E5%B8%AE%E6%89%B6%E6%80%BB%E7%BB%93.pdf`,
    );
  });

  test('quotes, line breaks and path separators cannot break the header or name a folder', () => {
    const header = attachment('a"b\r\nSet-Cookie: x=1/..\\c.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a_b__Set-Cookie: x=1_.._c.pdf"');
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('a"b__Set-Cookie: x=1_.._c.pdf');
  });
});
