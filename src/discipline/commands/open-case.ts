import { z } from 'zod';
import { localDate, name, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { DisciplineCase } from '../discipline-case.js';
import { CASE_KINDS, type DisciplineCaseOpened, type SubjectCategory } from '../discipline.events.js';
import { refuse } from './refuse.js';

/** A member by id, or a non-member teacher by name and unit (a private-school teacher, say). */
export const openCaseBody = z.strictObject({
  kind: z.enum(CASE_KINDS),
  memberId: z.uuid().optional(),
  personName: name().optional(),
  unitId: z.uuid().optional(),
  manager: z.boolean().default(false),
  openedOn: localDate(),
  summary: text(2000),
});

export type OpenCase = Command<
  'OpenDisciplineCase',
  z.output<typeof openCaseBody> & { caseId: string; personId: string }
>;

/** What the roster says of the member named (the handler reads it), null when unknown. */
export interface SubjectOnRoster {
  memberId: string;
  name: string;
  category: 'full' | 'probationary';
  status: 'active' | 'removed';
  unitId: string;
  orgId: string;
  teaches: boolean;
}

export const openDisciplineCase = (
  { data }: OpenCase,
  state: DisciplineCase,
  member: SubjectOnRoster | null,
): DisciplineCaseOpened => {
  if (state.opened) throw refuse('case-exists', '该案件已立案', 'The case is already open', undefined, 409);
  let subject: {
    personId: string;
    memberId: string | null;
    name: string;
    category: SubjectCategory;
    unitId: string;
    orgId: string | null;
    teaches: boolean;
  };
  if (data.memberId) {
    if (!member || member.status !== 'active')
      throw refuse(
        'member-unknown',
        '党员名册中没有该在册党员',
        'No active member with this id on the roster',
        'memberId',
      );
    const { memberId, name, category, unitId, orgId, teaches } = member;
    subject = { personId: memberId, memberId, name, category, unitId, orgId, teaches };
  } else {
    if (!data.personName || !data.unitId)
      throw refuse(
        'subject-required',
        '请选择党员，或填写非党员教师的姓名和所在单位',
        'Name a member, or a non-member teacher’s name and unit',
        data.personName ? 'unitId' : 'memberId',
      );
    subject = {
      personId: data.personId,
      memberId: null,
      name: data.personName,
      category: 'non_member',
      unitId: data.unitId,
      orgId: null,
      teaches: true,
    };
  }
  if (data.kind === 'teacher_ethics_violation' && !subject.teaches)
    throw refuse(
      'ethics-not-a-teacher',
      '师德失范案件的当事人须为教师（名册中该党员未登记为任教）',
      'A teacher-ethics case concerns a teacher (the roster does not record this member as teaching)',
      'memberId',
    );
  const { teaches: _teaches, ...who } = subject;
  return {
    type: 'DisciplineCaseOpened',
    data: {
      caseId: data.caseId,
      kind: data.kind,
      ...who,
      manager: data.manager,
      openedOn: data.openedOn,
      summary: data.summary,
    },
    metadata: { occurredAt: occurredOn(data.openedOn), unitIds: [subject.unitId] },
  };
};
