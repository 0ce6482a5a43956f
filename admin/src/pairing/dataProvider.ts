import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';

/** One entry of a pairing's activity log (GET /api/pairings/:id/activities). */
export interface PairingActivity {
  eventId: string;
  type: string;
  line: 'term' | 'teaching' | 'support' | 'party-building' | 'norms';
  kind: string;
  on: string;
  title: string | null;
  detail: { teachersTrained?: string[]; note?: string | null; normKey?: string } | null;
}

const on = (id: Identifier, command: string) => commandPath('pairings', id, command);

/** The pairing feature's commands: the work logged along the three lines, the norms, the log. */
export const pairingCommands = {
  logPairingTeaching: (id: Identifier, data: Record<string, unknown>) => postCommand(on(id, 'teaching'), data),
  logPairingPartyBuilding: (id: Identifier, data: Record<string, unknown>) =>
    postCommand(on(id, 'party-building'), data),
  formPairingPair: (id: Identifier, data: Record<string, unknown>) => postCommand(on(id, 'support-pairs'), data),
  givePairingSupport: (id: Identifier, pairId: string, data: Record<string, unknown>) =>
    postCommand(on(id, `support-pairs/${encodeURIComponent(pairId)}/support`), data),
  assessPairingNorm: (id: Identifier, normKey: string, data: Record<string, unknown>) =>
    postCommand(on(id, `norms/${encodeURIComponent(normKey)}`), data),
  extendPairing: (id: Identifier, data: Record<string, unknown>) => postCommand(on(id, 'extend'), data),
  endPairing: (id: Identifier, data: Record<string, unknown>) => postCommand(on(id, 'end'), data),
  getPairingActivities: (id: Identifier) =>
    getJson<PairingActivity[]>(`/pairings/${encodeURIComponent(String(id))}/activities`),
};

export type PairingDataProvider = DataProvider & typeof pairingCommands;
