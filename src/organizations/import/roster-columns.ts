import type { Bilingual } from '../../core/errors.js';
import { isValidLocalDate } from '../../core/time/local-date.js';

/**
 * Columns of the roster template: the export's headers (Chinese or English), so an exported file
 * imports back. The first header is the Chinese one the preview names, the last the English label.
 * `id` (编号) is the export's member id: a row that carries one is a member already on the roster.
 */
export const COLUMNS = {
  name: ['姓名', 'name', 'Name'],
  gender: ['性别', 'gender', 'Gender'],
  birthDate: ['出生日期', 'birthDate', 'Birth date'],
  unit: ['所在单位', 'unit', 'Unit'],
  org: ['所属党组织', 'organisation', 'organization', 'Party organisation'],
  category: ['党员类别', 'category', 'Category'],
  joinedOn: ['入党时间', 'joinedOn', 'Joined on'],
  post: ['职务岗位', 'post', 'Post'],
  teaches: ['是否任课教师', 'teaches', 'Teaches'],
  id: ['编号', 'id', 'ID'],
} as const;
export type Column = keyof typeof COLUMNS;
export const REQUIRED: Column[] = ['name', 'gender', 'unit', 'org', 'category'];

/** The member schema's field each column fills (unit and organisation names become ids). */
export const FIELD_COLUMNS: Record<string, Column> = {
  name: 'name',
  gender: 'gender',
  birthDate: 'birthDate',
  unitId: 'unit',
  orgId: 'org',
  category: 'category',
  joinedOn: 'joinedOn',
  post: 'post',
  teaches: 'teaches',
};

export const columnLabel = (column: Column): Bilingual => ({
  zh: COLUMNS[column][0],
  en: COLUMNS[column][COLUMNS[column].length - 1],
});

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });

export const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
  Male: 'male',
  Female: 'female',
};

export const CATEGORIES: Record<string, 'full' | 'probationary'> = {
  正式党员: 'full',
  预备党员: 'probationary',
  full: 'full',
  probationary: 'probationary',
  'Full member': 'full',
  'Probationary member': 'probationary',
};

export const TEACHES: Record<string, boolean> = { 是: true, 否: false, true: true, false: false, Yes: true, No: false };

/** `2016-07-01`, `2016/7/1`, `2016.7.1` or `2016年7月1日` as YYYY-MM-DD; null for an empty cell. */
export const toDate = (text: string): string | null | undefined => {
  if (!text) return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return undefined;
  const value = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isValidLocalDate(value) ? value : undefined;
};
