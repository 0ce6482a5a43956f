import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';

export interface RightAnswer {
  allowed: boolean;
  until: string | null;
  reasons?: { reason: { zh: string; en: string } }[];
}
export interface EligibilityAnswer {
  personId: string;
  name: string;
  on: string;
  rights: Record<string, RightAnswer>;
}

const on = (id: Identifier, command: string) => commandPath('discipline/cases', id, command);

/** Discipline's commands and the eligibility read (GET /api/discipline/eligibility). */
export const disciplineCommands = {
  disciplineCommand: (id: Identifier, command: string, data: Record<string, unknown>) =>
    postCommand(on(id, command), data),
  getEligibility: (personId: string, day: string) =>
    getJson<EligibilityAnswer>(
      `/discipline/eligibility/${encodeURIComponent(personId)}${day ? `?on=${encodeURIComponent(day)}` : ''}`,
    ),
};

export type DisciplineDataProvider = DataProvider & typeof disciplineCommands;
