import { DomainError, type Bilingual } from '../../core/errors.js';
import { ownEntry } from '../../core/http/list-query.js';
import { isClientDate } from '../../core/http/validation.js';
import { command } from '../../core/command-handling.js';
import type { CommandMetadata } from '../../core/messages.js';
import { enrollMember, type EnrollMember } from '../commands/enroll-member.js';
import type { RosterFacts } from '../roster-facts.js';
import type { Table } from './spreadsheet.js';

export interface ImportError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  message: Bilingual;
}

export type MemberDraft = Omit<EnrollMember['data'], 'memberId'>;

/** Columns of the roster template: the export's headers (Chinese or English), so an exported file imports back. */
const COLUMNS = {
  name: ['姓名', 'name', 'Name'],
  gender: ['性别', 'gender', 'Gender'],
  birthDate: ['出生日期', 'birthDate', 'Birth date'],
  unit: ['所在单位', 'unit', 'Unit'],
  org: ['所属党组织', 'organisation', 'organization', 'Party organisation'],
  category: ['党员类别', 'category', 'Category'],
  joinedOn: ['入党时间', 'joinedOn', 'Joined on'],
  post: ['职务岗位', 'post', 'Post'],
  teaches: ['是否任课教师', 'teaches', 'Teaches'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['name', 'gender', 'unit', 'org', 'category'];

// Looked up with ownEntry: a cell reading `constructor` is an unknown value, not Object.prototype's.
const GENDERS = { 男: 'male', 女: 'female', male: 'male', female: 'female', Male: 'male', Female: 'female' } as const;
const CATEGORIES = {
  正式党员: 'full',
  预备党员: 'probationary',
  full: 'full',
  probationary: 'probationary',
  'Full member': 'full',
  'Probationary member': 'probationary',
} as const;

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

const toDate = (text: string): string | null | undefined => {
  if (!text) return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return undefined;
  const value = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isClientDate(value) ? value : undefined;
};

export interface ImportCheck {
  drafts: MemberDraft[];
  errors: ImportError[];
}

/**
 * Checks every row of an uploaded roster and reports every error with its row and column, running
 * the same decider as a single enrolment (so the 18-years rule and the rest apply), without writing.
 */
export const checkRoster = (
  table: Table,
  roster: RosterFacts,
  lookup: { unitByName: (name: string) => string | null; orgByName: (name: string) => string | null },
  metadata: CommandMetadata,
): ImportCheck => {
  const errors: ImportError[] = [];
  const [header = [], ...rows] = table;
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((column) => [
      column,
      header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  for (const column of REQUIRED) {
    if (index[column] < 0)
      errors.push({
        row: 1,
        column: COLUMNS[column][0],
        message: bi(`缺少“${COLUMNS[column][0]}”列`, `Missing column "${COLUMNS[column][0]}"`),
      });
  }
  if (errors.length) return { drafts: [], errors };
  const drafts: MemberDraft[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((cell) => !cell)) return;
    const cell = (column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '') : '');
    const fail = (column: Column, message: Bilingual) =>
      errors.push({ row: rowNumber, column: COLUMNS[column][0], message });
    const before = errors.length;
    const name = cell('name');
    if (!name) fail('name', bi('姓名不能为空', 'name is required'));
    const gender = ownEntry(GENDERS, cell('gender'));
    if (!gender) fail('gender', bi('性别应为“男”或“女”', 'gender must be 男 or 女'));
    const category = ownEntry(CATEGORIES, cell('category'));
    if (!category) fail('category', bi('党员类别应为“正式党员”或“预备党员”', 'category must be 正式党员 or 预备党员'));
    const birthDate = toDate(cell('birthDate'));
    if (birthDate === undefined)
      fail(
        'birthDate',
        bi('出生日期应为 1900 至 2100 年间的 YYYY-MM-DD 日期', 'birth date must be YYYY-MM-DD between 1900 and 2100'),
      );
    const joinedOn = toDate(cell('joinedOn'));
    if (joinedOn === undefined)
      fail(
        'joinedOn',
        bi('入党时间应为 1900 至 2100 年间的 YYYY-MM-DD 日期', 'joining date must be YYYY-MM-DD between 1900 and 2100'),
      );
    const unitId = cell('unit') ? lookup.unitByName(cell('unit')) : null;
    if (!unitId) fail('unit', bi(`找不到单位“${cell('unit')}”`, `Unknown unit "${cell('unit')}"`));
    const orgId = cell('org') ? lookup.orgByName(cell('org')) : null;
    if (!orgId) fail('org', bi(`找不到党组织“${cell('org')}”`, `Unknown Party organisation "${cell('org')}"`));
    const teachesText = cell('teaches');
    if (teachesText && !['是', '否', 'true', 'false', 'Yes', 'No'].includes(teachesText))
      fail('teaches', bi('是否任课教师应为“是”或“否”', 'teaches must be 是 or 否'));
    if (errors.length > before) return;
    const draft: MemberDraft = {
      name,
      gender: gender!,
      birthDate: birthDate ?? null,
      orgId: orgId!,
      unitId: unitId!,
      category: category!,
      joinedOn: joinedOn ?? null,
      post: cell('post') || null,
      teaches: teachesText === '是' || teachesText === 'true' || teachesText === 'Yes',
    };
    const key = `${name}|${draft.birthDate}|${unitId}`;
    if (seen.has(key)) return fail('name', bi('与文件中前面的行重复', 'duplicates an earlier row of the file'));
    seen.add(key);
    try {
      const org = roster.org(orgId)!;
      enrollMember(
        command('EnrollMember', { ...draft, memberId: 'preview' }, metadata),
        { status: 'none' },
        { org, unitExists: true, covered: roster.covers(org, unitId!) },
      );
      drafts.push(draft);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const column =
        (Object.keys(COLUMNS) as Column[]).find(
          (c) =>
            c === error.field || (c === 'unit' && error.field === 'unitId') || (c === 'org' && error.field === 'orgId'),
        ) ?? 'name';
      fail(column, error.text);
    }
  });
  if (rows.length === 0)
    errors.push({ row: 2, column: COLUMNS.name[0], message: bi('文件中没有数据行', 'The file has no data rows') });
  return { drafts, errors };
};
