import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { ValidationError } from '../errors.js';

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  width?: number;
}

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Sends rows as CSV (UTF-8 with a BOM, CRLF: Excel on a Chinese Windows then opens it without
 * garbling) or as .xlsx. `format` comes from the query string and is checked here.
 */
export const sendExport = async <Row>(
  response: Response,
  format: unknown,
  name: string,
  columns: ExportColumn<Row>[],
  rows: Row[],
) => {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = encodeURIComponent(`${name}-${stamp}`);
  if (format === undefined || format === 'csv') {
    const lines = [
      columns.map((c) => csvCell(c.header)).join(','),
      ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(',')),
    ];
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${filename}.csv`);
    response.send(`\uFEFF${lines.join('\r\n')}\r\n`);
    return;
  }
  if (format !== 'xlsx') {
    throw new ValidationError([
      {
        field: 'format',
        code: 'invalid_value',
        message: { zh: '导出格式应为 csv 或 xlsx', en: 'format must be csv or xlsx' },
      },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        return typeof value === 'boolean' ? (value ? '是' : '否') : (value ?? null);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${filename}.xlsx`);
  response.send(Buffer.from(await workbook.xlsx.writeBuffer()));
};

/** Export reads every matching row, not a page. */
export const EXPORT_LIMIT = 100_000;
