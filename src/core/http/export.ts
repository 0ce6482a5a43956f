import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { ValidationError, type Bilingual, type FieldIssue } from '../errors.js';
import type { Clock } from '../time/clock.js';
import { shanghaiDate } from '../time/local-date.js';

/** The language of an export's headers and enumerated values (`?lang=zh|en`, Chinese by default). */
export type ExportLang = 'zh' | 'en';

export interface ExportColumn<Row> {
  header: Bilingual;
  value: (row: Row, lang: ExportLang) => string | number | boolean | null | undefined;
  width?: number;
}

/** The label of an enumerated value in the export's language; an unknown value is written as it is. */
export const labelOf = (
  labels: Readonly<Record<string, Bilingual>>,
  value: string | null | undefined,
  lang: ExportLang,
): string | null =>
  value === null || value === undefined ? null : Object.hasOwn(labels, value) ? labels[value][lang] : value;

const YES_NO: Record<ExportLang, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };

const csvCell = (value: unknown, lang: ExportLang): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? YES_NO[lang][value ? 0 : 1] : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** `zh`, `zh-CN`, `en`, `en-GB`…: the admin may send its locale as it is. */
const parseLang = (raw: unknown): ExportLang | undefined => {
  if (raw === undefined || raw === '') return 'zh';
  if (typeof raw !== 'string') return undefined;
  if (/^zh([-_][a-z]+)?$/i.test(raw)) return 'zh';
  if (/^en([-_][a-z]+)?$/i.test(raw)) return 'en';
  return undefined;
};

/** Reads and checks `format` and `lang` of an export's query string: a 400 names each wrong one. */
export const parseExportQuery = (query: Record<string, unknown>): { format: 'csv' | 'xlsx'; lang: ExportLang } => {
  const issues: FieldIssue[] = [];
  const format = query.format === undefined || query.format === '' ? 'csv' : query.format;
  if (format !== 'csv' && format !== 'xlsx')
    issues.push({
      field: 'format',
      code: 'invalid_value',
      message: { zh: '导出格式应为 csv 或 xlsx', en: 'format must be csv or xlsx' },
    });
  const lang = parseLang(query.lang);
  if (!lang)
    issues.push({
      field: 'lang',
      code: 'invalid_value',
      message: { zh: '导出语言应为 zh（中文）或 en（英文）', en: 'lang must be zh (Chinese) or en (English)' },
    });
  if (issues.length) throw new ValidationError(issues);
  return { format: format as 'csv' | 'xlsx', lang: lang! };
};

/**
 * Sends rows as CSV (UTF-8 with a BOM, CRLF: Excel on a Chinese Windows then opens it without
 * garbling) or as .xlsx, with headers and enumerated values in `?lang=` (zh by default).
 * `format` and `lang` come from the query string and are checked here. The file name carries the day in
 * Asia/Shanghai by the injected clock (at 01:00 Beijing time it is already tomorrow in the county, not in UTC).
 */
export const sendExport = async <Row>(
  response: Response,
  query: Record<string, unknown>,
  name: Bilingual,
  columns: ExportColumn<Row>[],
  rows: Row[] | (() => Row[]),
  clock: Clock,
) => {
  const { format, lang } = parseExportQuery(query);
  const data = typeof rows === 'function' ? rows() : rows;
  const stamp = shanghaiDate(clock.now());
  const filename = encodeURIComponent(`${name[lang]}-${stamp}`);
  if (format === 'csv') {
    const lines = [
      columns.map((c) => csvCell(c.header[lang], lang)).join(','),
      ...data.map((row) => columns.map((c) => csvCell(c.value(row, lang), lang)).join(',')),
    ];
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${filename}.csv`);
    response.setHeader('Content-Language', lang);
    response.send(`\uFEFF${lines.join('\r\n')}\r\n`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  // Sheet names may not hold * ? : \ / [ ] and are at most 31 characters.
  const sheet = workbook.addWorksheet(name[lang].replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header[lang], width: c.width ?? 16 }));
  for (const row of data) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row, lang);
        return typeof value === 'boolean' ? YES_NO[lang][value ? 0 : 1] : (value ?? null);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${filename}.xlsx`);
  response.setHeader('Content-Language', lang);
  response.send(Buffer.from(await workbook.xlsx.writeBuffer()));
};

/** Export reads every matching row, not a page. */
export const EXPORT_LIMIT = 100_000;
