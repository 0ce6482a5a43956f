import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/** Party sanctions (党纪处分, domain.md §5.1), glossary identifiers. */
export const PARTY_SANCTIONS = [
  'warning',
  'serious_warning',
  'removal_from_party_posts',
  'party_probation',
  'expulsion',
] as const;
export type PartySanction = (typeof PARTY_SANCTIONS)[number];

/**
 * Administrative sanctions of public-institution staff (domain.md §5.2): managers get the six of the
 * Public Officials Administrative Sanctions Law, other staff the four (with post-grade demotion).
 */
export const ADMINISTRATIVE_SANCTIONS = [
  'warning',
  'demerit',
  'major_demerit',
  'post_grade_demotion',
  'demotion',
  'dismissal_from_post',
  'dismissal',
] as const;
export type AdministrativeSanction = (typeof ADMINISTRATIVE_SANCTIONS)[number];

export type SanctionTrack = 'party' | 'administrative';
export type SanctionMeasure = PartySanction | AdministrativeSanction;

/** What probationary members receive instead of sanctions (domain.md §4.2 Art. 32, §13). */
export const PROBATIONARY_MEASURES = ['criticism_education', 'probation_extension', 'probation_cancellation'] as const;
export type ProbationaryMeasure = (typeof PROBATIONARY_MEASURES)[number];

export const CASE_KINDS = ['misconduct', 'teacher_ethics_violation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Who a case is about: a member of the roster (full or probationary) or a non-member teacher. */
export type SubjectCategory = 'full' | 'probationary' | 'non_member';

export const MEASURE_LABELS: Record<SanctionTrack, Record<string, Bilingual>> = {
  party: {
    warning: { zh: '党内警告', en: 'Party warning' },
    serious_warning: { zh: '党内严重警告', en: 'Serious Party warning' },
    removal_from_party_posts: { zh: '撤销党内职务', en: 'Removal from Party posts' },
    party_probation: { zh: '留党察看', en: 'Probation within the Party' },
    expulsion: { zh: '开除党籍', en: 'Expulsion from the Party' },
  },
  administrative: {
    warning: { zh: '警告（处分）', en: 'Administrative warning' },
    demerit: { zh: '记过', en: 'Demerit' },
    major_demerit: { zh: '记大过', en: 'Major demerit' },
    post_grade_demotion: { zh: '降低岗位等级', en: 'Post-grade demotion' },
    demotion: { zh: '降级', en: 'Demotion' },
    dismissal_from_post: { zh: '撤职', en: 'Dismissal from post' },
    dismissal: { zh: '开除', en: 'Dismissal' },
  },
};

export const PROBATIONARY_MEASURE_LABELS: Record<ProbationaryMeasure, Bilingual> = {
  criticism_education: { zh: '批评教育', en: 'Criticism and education' },
  probation_extension: { zh: '延长预备期', en: 'Probation extended' },
  probation_cancellation: { zh: '取消预备党员资格', en: 'Probationary status cancelled' },
};

/** Every decision is a human one: the body that took it and the number of its document. */
export interface Decision {
  decidedOn: string;
  decidingBody: string;
  documentNumber: string;
}

/** A case opened about one person (a member's person id is their member id). */
export type DisciplineCaseOpened = Event<
  'DisciplineCaseOpened',
  {
    caseId: string;
    kind: CaseKind;
    personId: string;
    memberId: string | null;
    name: string;
    category: SubjectCategory;
    unitId: string;
    orgId: string | null;
    /** 事业单位中从事管理的人员: decides which administrative sanctions apply (domain.md §5.2). */
    manager: boolean;
    openedOn: string;
    summary: string;
  }
>;

/**
 * A sanction, one record per track (a teacher-ethics double punishment is two of these). The period is
 * the one of the period table in force on the decision date: `lastDay` is its last restricted day,
 * `freeFrom` the first day without it (for an expulsion: readmission possible); null when it has no end.
 */
export type SanctionImposed = Event<
  'SanctionImposed',
  Decision & {
    caseId: string;
    sanctionId: string;
    track: SanctionTrack;
    measure: SanctionMeasure;
    personId: string;
    memberId: string | null;
    unitId: string;
    orgId: string | null;
    /** The period table's version that gave the period. */
    periodTable: string;
    months: number | null;
    lastDay: string | null;
    freeFrom: string | null;
  }
>;

/** A 1-year 留党察看 extended to 2 years (E4): the new end of the term. */
export type PartyProbationExtended = Event<
  'PartyProbationExtended',
  Decision & { caseId: string; sanctionId: string; personId: string; lastDay: string; freeFrom: string }
>;

/**
 * 留党察看 ends: rights restored (a 2-year restriction on posts follows, E5: `restrictionLastDay`) or the
 * member is expelled (a SanctionImposed of `expulsion` follows in the same decision).
 */
export type PartyProbationConcluded = Event<
  'PartyProbationConcluded',
  Decision & {
    caseId: string;
    sanctionId: string;
    personId: string;
    outcome: 'restored' | 'expelled';
    restrictionLastDay: string | null;
  }
>;

/** A measure for a probationary member (they receive no sanction). */
export type ProbationaryMeasureTaken = Event<
  'ProbationaryMeasureTaken',
  Decision & {
    caseId: string;
    measureId: string;
    measure: ProbationaryMeasure;
    personId: string;
    memberId: string;
    unitId: string;
  }
>;

/** A teacher-ethics violation confirmed (师德失范): what the double punishment and E8 follow from. */
export type TeacherEthicsViolationConfirmed = Event<
  'TeacherEthicsViolationConfirmed',
  Decision & { caseId: string; personId: string; unitId: string; findings: string }
>;

/** Loss of eligibility for commendations (评先评优) for `months` from `decidedOn` (E8: ≥ 24 months). */
export type CommendationDisqualified = Event<
  'CommendationDisqualified',
  Decision & {
    caseId: string;
    disqualificationId: string;
    personId: string;
    unitId: string;
    months: number;
    lastDay: string;
    freeFrom: string;
  }
>;

export type SanctionAppealed = Event<
  'SanctionAppealed',
  { caseId: string; appealId: string; sanctionId: string; personId: string; filedOn: string; grounds: string }
>;

/** The appeal's outcome; `revoked`: the sanction stops affecting eligibility from `decidedOn`. */
export type AppealDecided = Event<
  'AppealDecided',
  Decision & { caseId: string; appealId: string; sanctionId: string; personId: string; outcome: 'upheld' | 'revoked' }
>;

export type DisciplineCaseClosed = Event<
  'DisciplineCaseClosed',
  { caseId: string; personId: string; closedOn: string; conclusion: 'decided' | 'unfounded' }
>;

export type DisciplineEvent =
  | DisciplineCaseOpened
  | SanctionImposed
  | PartyProbationExtended
  | PartyProbationConcluded
  | ProbationaryMeasureTaken
  | TeacherEthicsViolationConfirmed
  | CommendationDisqualified
  | SanctionAppealed
  | AppealDecided
  | DisciplineCaseClosed;

export const disciplineCaseStream = (caseId: string) => streamName('disciplineCase', caseId);

export const DISCIPLINE_EVENT_TYPES = eventTypes<DisciplineEvent['type']>({
  DisciplineCaseOpened: true,
  SanctionImposed: true,
  PartyProbationExtended: true,
  PartyProbationConcluded: true,
  ProbationaryMeasureTaken: true,
  TeacherEthicsViolationConfirmed: true,
  CommendationDisqualified: true,
  SanctionAppealed: true,
  AppealDecided: true,
  DisciplineCaseClosed: true,
});

export const DISCIPLINE_EVENT_LABELS: Record<DisciplineEvent['type'], Bilingual> = {
  DisciplineCaseOpened: { zh: '立案（纪律案件）', en: 'Discipline case opened' },
  SanctionImposed: { zh: '作出处分决定', en: 'Sanction imposed' },
  PartyProbationExtended: { zh: '延长留党察看期', en: 'Probation within the Party extended' },
  PartyProbationConcluded: { zh: '留党察看期满处理', en: 'Probation within the Party concluded' },
  ProbationaryMeasureTaken: { zh: '对预备党员作出处理', en: 'Measure for a probationary member' },
  TeacherEthicsViolationConfirmed: { zh: '认定师德失范', en: 'Teacher-ethics violation confirmed' },
  CommendationDisqualified: { zh: '取消评先评优资格', en: 'Disqualified from commendations' },
  SanctionAppealed: { zh: '提出申诉', en: 'Sanction appealed' },
  AppealDecided: { zh: '作出申诉复查决定', en: 'Appeal decided' },
  DisciplineCaseClosed: { zh: '结案', en: 'Discipline case closed' },
};
