import type { StreamModel } from '../core/command-handling.js';
import type {
  CaseKind,
  DisciplineEvent,
  ProbationaryMeasure,
  SanctionMeasure,
  SanctionTrack,
  SubjectCategory,
} from './discipline.events.js';

export interface SanctionRecord {
  sanctionId: string;
  track: SanctionTrack;
  measure: SanctionMeasure;
  decidedOn: string;
  months: number | null;
  lastDay: string | null;
  freeFrom: string | null;
  extended: boolean;
  concluded: 'restored' | 'expelled' | null;
  revokedOn: string | null;
}

export interface Appeal {
  appealId: string;
  sanctionId: string;
  filedOn: string;
  outcome: 'upheld' | 'revoked' | null;
}

/** A discipline case's stream (`disciplineCase-<caseId>`): one person, the decisions about them. */
export interface DisciplineCase {
  opened: boolean;
  caseId: string;
  kind: CaseKind;
  personId: string;
  memberId: string | null;
  name: string;
  category: SubjectCategory;
  unitId: string;
  orgId: string | null;
  manager: boolean;
  openedOn: string;
  violationConfirmedOn: string | null;
  sanctions: SanctionRecord[];
  measures: { measureId: string; measure: ProbationaryMeasure; decidedOn: string }[];
  disqualifications: { disqualificationId: string; months: number; decidedOn: string }[];
  appeals: Appeal[];
  closedOn: string | null;
}

const initialState = (): DisciplineCase => ({
  opened: false,
  caseId: '',
  kind: 'misconduct',
  personId: '',
  memberId: null,
  name: '',
  category: 'full',
  unitId: '',
  orgId: null,
  manager: false,
  openedOn: '',
  violationConfirmedOn: null,
  sanctions: [],
  measures: [],
  disqualifications: [],
  appeals: [],
  closedOn: null,
});

const updateSanction = (state: DisciplineCase, id: string, change: Partial<SanctionRecord>): DisciplineCase => ({
  ...state,
  sanctions: state.sanctions.map((s) => (s.sanctionId === id ? { ...s, ...change } : s)),
});

export const disciplineCase: StreamModel<DisciplineCase, DisciplineEvent> = {
  initialState,
  evolve: (state, event) => {
    switch (event.type) {
      case 'DisciplineCaseOpened': {
        const { caseId, kind, personId, memberId, name, category, unitId, orgId, manager, openedOn } = event.data;
        return {
          ...state,
          opened: true,
          caseId,
          kind,
          personId,
          memberId,
          name,
          category,
          unitId,
          orgId,
          manager,
          openedOn,
        };
      }
      case 'SanctionImposed': {
        const { sanctionId, track, measure, decidedOn, months, lastDay, freeFrom } = event.data;
        const record: SanctionRecord = {
          ...{ sanctionId, track, measure, decidedOn, months, lastDay, freeFrom },
          ...{ extended: false, concluded: null, revokedOn: null },
        };
        return { ...state, sanctions: [...state.sanctions, record] };
      }
      case 'PartyProbationExtended':
        return updateSanction(state, event.data.sanctionId, {
          extended: true,
          lastDay: event.data.lastDay,
          freeFrom: event.data.freeFrom,
        });
      case 'PartyProbationConcluded':
        return updateSanction(state, event.data.sanctionId, { concluded: event.data.outcome });
      case 'ProbationaryMeasureTaken': {
        const { measureId, measure, decidedOn } = event.data;
        return { ...state, measures: [...state.measures, { measureId, measure, decidedOn }] };
      }
      case 'TeacherEthicsViolationConfirmed':
        return { ...state, violationConfirmedOn: event.data.decidedOn };
      case 'CommendationDisqualified': {
        const { disqualificationId, months, decidedOn } = event.data;
        return { ...state, disqualifications: [...state.disqualifications, { disqualificationId, months, decidedOn }] };
      }
      case 'SanctionAppealed': {
        const { appealId, sanctionId, filedOn } = event.data;
        return { ...state, appeals: [...state.appeals, { appealId, sanctionId, filedOn, outcome: null }] };
      }
      case 'AppealDecided': {
        const { appealId, outcome, sanctionId, decidedOn } = event.data;
        const next = {
          ...state,
          appeals: state.appeals.map((a) => (a.appealId === appealId ? { ...a, outcome } : a)),
        };
        return outcome === 'revoked' ? updateSanction(next, sanctionId, { revokedOn: decidedOn }) : next;
      }
      case 'DisciplineCaseClosed':
        return { ...state, closedOn: event.data.closedOn };
    }
  },
};

/** Sanctions still standing (not revoked on appeal). */
export const standing = (state: DisciplineCase) => state.sanctions.filter((s) => s.revokedOn === null);
