import { downloadCSV } from 'react-admin';

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Writes rows as CSV with a UTF-8 byte-order mark: without it Excel on Chinese Windows reads the
 * file as GBK and shows the names as mojibake.
 */
export const downloadCsvWithBom = (filename: string, header: string[], rows: unknown[][]): void => {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  downloadCSV(`\uFEFF${lines.join('\r\n')}\r\n`, filename);
};
