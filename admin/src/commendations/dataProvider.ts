import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, postCommand } from '../dataProvider/command';

/** The cycle's commands: nominate, publicise, decide. */
export const commendationsCommands = {
  commendationCommand: (id: Identifier, command: string, data: Record<string, unknown>) =>
    postCommand(commandPath('commendations/cycles', id, command), data),
};

export type CommendationsDataProvider = DataProvider & typeof commendationsCommands;
