import { command } from '../../core/command-handling.js';
import { DomainError, type Bilingual } from '../../core/errors.js';
import { ownEntry } from '../../core/http/list-query.js';
import { issueText } from '../../core/http/validation.js';
import type { CommandMetadata } from '../../core/messages.js';
import { enrollMember, enrollMemberBody, type EnrollMember } from '../commands/enroll-member.js';
import type { RosterFacts } from '../roster-facts.js';
import {
  bi,
  CATEGORIES,
  COLUMNS,
  columnLabel,
  FIELD_COLUMNS,
  GENDERS,
  REQUIRED,
  TEACHES,
  toDate,
  type Column,
} from './roster-columns.js';
import type { Table } from './spreadsheet.js';

export interface ImportError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  message: Bilingual;
}

export type MemberDraft = Omit<EnrollMember['data'], 'memberId'>;

/** `new`: enrolled on confirm; `existing`: already on the roster (已在名册中), skipped. */
export type RowStatus = 'new' | 'existing';

export interface ImportRow extends MemberDraft {
  row: number;
  status: RowStatus;
  /** The member on the roster this row is (status `existing`). */
  memberId: string | null;
}

export interface ImportCheck {
  rows: ImportRow[];
  errors: ImportError[];
}

/** What a row is checked against: names of units and organisations, and the members on the roster. */
export interface RosterLookup {
  unitByName: (name: string) => string | null;
  /** Only organisations the importer may enrol into. */
  orgByName: (name: string) => string | null;
  /** A member the importer sees, by the export's id column. */
  memberById: (id: string) => string | null;
  /** An active member of the organisation with this name and birth date: the same person. */
  memberLike: (draft: Pick<MemberDraft, 'name' | 'birthDate' | 'orgId'>) => string | null;
}

/**
 * Checks every row of an uploaded roster and reports every error with its row and column, without
 * writing: each row goes through the member schema of POST /api/members (its limits and character
 * rules) and the same decider as a single enrolment (the 18-years rule and the rest). A row that is a
 * member already on the roster (by the id column, or name and birth date in the same organisation)
 * is marked `existing` instead; a row repeating an earlier row of the file is an error.
 */
export const checkRoster = (
  table: Table,
  roster: RosterFacts,
  lookup: RosterLookup,
  metadata: CommandMetadata,
): ImportCheck => {
  const errors: ImportError[] = [];
  const [header = [], ...lines] = table;
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
  if (errors.length) return { rows: [], errors };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((cell) => !cell)) return;
    const cell = (column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '') : '');
    const faulty = new Set<Column>();
    const fail = (column: Column, message: Bilingual) => {
      faulty.add(column);
      errors.push({ row: rowNumber, column: COLUMNS[column][0], message });
    };
    const convert = <T>(column: Column, value: T | undefined, message: Bilingual): T | undefined => {
      if (value === undefined) fail(column, message);
      return value;
    };
    const unitName = cell('unit');
    const orgName = cell('org');
    const input = {
      name: cell('name'),
      gender: convert('gender', ownEntry(GENDERS, cell('gender')), bi('性别应为“男”或“女”', 'gender must be 男 or 女')),
      birthDate: convert(
        'birthDate',
        toDate(cell('birthDate')),
        bi('出生日期格式应为 YYYY-MM-DD', 'birth date must be YYYY-MM-DD'),
      ),
      unitId: convert(
        'unit',
        (unitName && lookup.unitByName(unitName)) || undefined,
        bi(`找不到单位“${unitName}”`, `Unknown unit "${unitName}"`),
      ),
      orgId: convert(
        'org',
        (orgName && lookup.orgByName(orgName)) || undefined,
        bi(`找不到党组织“${orgName}”`, `Unknown Party organisation "${orgName}"`),
      ),
      category: convert(
        'category',
        ownEntry(CATEGORIES, cell('category')),
        bi('党员类别应为“正式党员”或“预备党员”', 'category must be 正式党员 or 预备党员'),
      ),
      joinedOn: convert(
        'joinedOn',
        toDate(cell('joinedOn')),
        bi('入党时间格式应为 YYYY-MM-DD', 'joining date must be YYYY-MM-DD'),
      ),
      post: cell('post') || null,
      teaches: convert(
        'teaches',
        cell('teaches') ? ownEntry(TEACHES, cell('teaches')) : false,
        bi('是否任课教师应为“是”或“否”', 'teaches must be 是 or 否'),
      ),
    };
    // The form's own schema; a column that could not be read is reported once, above.
    const parsed = enrollMemberBody.safeParse(input);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMNS[String(issue.path[0])] ?? 'name';
        if (faulty.has(column)) continue;
        const text = issueText(issue);
        const label = columnLabel(column);
        fail(column, bi(`${label.zh}${text.zh}`, `${label.en} ${text.en}`));
      }
    if (!parsed.success || faulty.size > 0) return;
    const draft: MemberDraft = parsed.data;
    const id = cell('id');
    const key = id ? `id:${id}` : `${draft.name}|${draft.birthDate}|${draft.orgId}`;
    const earlier = seen.get(key);
    if (earlier) return fail(id ? 'id' : 'name', bi(`与第 ${earlier} 行重复`, `duplicates row ${earlier} of the file`));
    seen.set(key, rowNumber);
    const memberId = id ? lookup.memberById(id) : lookup.memberLike(draft);
    if (id && !memberId)
      return fail(
        'id',
        bi(
          `名册中没有编号为“${id}”的党员；新党员请留空编号`,
          `No member with id "${id}" is on the roster; leave it empty for a new member`,
        ),
      );
    if (memberId) return void rows.push({ ...draft, row: rowNumber, status: 'existing', memberId });
    try {
      const org = roster.org(draft.orgId)!;
      enrollMember(
        command('EnrollMember', { ...draft, memberId: 'preview' }, metadata),
        { status: 'none' },
        { org, unitExists: true, covered: roster.covers(org, draft.unitId) },
      );
      rows.push({ ...draft, row: rowNumber, status: 'new', memberId: null });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fail(FIELD_COLUMNS[error.field ?? ''] ?? 'name', error.text);
    }
  });
  if (lines.length === 0)
    errors.push({ row: 2, column: COLUMNS.name[0], message: bi('文件中没有数据行', 'The file has no data rows') });
  return { rows, errors };
};
