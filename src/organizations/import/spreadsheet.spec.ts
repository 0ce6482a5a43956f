import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeText, parseCsv } from './spreadsheet.js';

describe('CSV reading', () => {
  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('姓名,备注\r\n"王, 芳","说""好""\n第二行"\r\n李四,\r\n')).toEqual([
      ['姓名', '备注'],
      ['王, 芳', '说"好"\n第二行'],
      ['李四', ''],
    ]);
  });
  test('decodes UTF-8 with and without a BOM, and GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF桥山中学', 'utf8'))).toBe('桥山中学');
    expect(decodeText(Buffer.from('桥山中学', 'utf8'))).toBe('桥山中学');
    expect(decodeText(iconv.encode('桥山中学,党支部', 'gb18030'))).toBe('桥山中学,党支部');
  });
});
