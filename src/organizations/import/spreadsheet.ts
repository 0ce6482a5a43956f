import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A sheet as rows of trimmed text cells, the first row being the headers. */
export type Table = string[][];

/**
 * Reads an uploaded roster: .xlsx (by its ZIP signature) or CSV in UTF-8 (with or without a BOM)
 * or GB18030 (what Excel on a Chinese Windows writes when asked for "CSV").
 */
export const readTable = async (file: Buffer): Promise<Table> => {
  if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b) return readXlsx(file);
  return parseCsv(decodeText(file));
};

export const decodeText = (file: Buffer): string => {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) return file.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return iconv.decode(file, 'gb18030');
  }
};

const readXlsx = async (file: Buffer): Promise<Table> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column).value));
    table[number - 1] = cells;
  });
  return Array.from(table, (row) => row ?? []);
};

/** Excel dates arrive as Date objects (in UTC at midnight); everything else as its text. */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
};

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export const parseCsv = (text: string): Table => {
  const rows: Table = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += char;
    } else if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
};
