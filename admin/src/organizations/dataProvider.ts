import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, postCommand } from '../dataProvider/command';
import { API_URL, httpClient } from '../dataProvider/http';

/** A roster file checked by the server: nothing is written until confirmed (src/organizations/import). */
export interface ImportPreview {
  token: string;
  fileName: string;
  rows: number;
  valid: boolean;
  errors: { row: number; column: string; message: { zh: string; en: string } }[];
  /** Rows to enrol, and rows that are members already on the roster (skipped on confirm). */
  newRows: number;
  existingRows: number;
  /** The first rows as checked, each with its spreadsheet row number and status. */
  sample: {
    row: number;
    status: 'new' | 'existing';
    /** The member on the roster that an `existing` row is. */
    memberId: string | null;
    name: string;
    gender: 'male' | 'female';
    birthDate: string | null;
    orgId: string;
    unitId: string;
    category: 'full' | 'probationary';
    joinedOn: string | null;
    post: string | null;
    teaches: boolean;
  }[];
}

export interface ImportResult {
  enrolled: number;
  skipped: number;
}

/** The commands of units, Party organisations, posts and members: each a named POST of the API. */
export const organizationCommands = {
  renameUnit: (id: Identifier, data: { name: string; expectedRevision: number }) =>
    postCommand(commandPath('units', id, 'rename'), data),
  affiliateUnit: (id: Identifier, data: { hostOrgId: string | null; on: string }) =>
    postCommand(commandPath('units', id, 'affiliation'), data),
  electCommittee: (id: Identifier, data: { termStart: string; termYears: number }) =>
    postCommand(commandPath('party-organizations', id, 'elect-committee'), data),
  /** Grants (or withdraws) a Party committee's authority to approve new members. */
  setApprovalAuthority: (id: Identifier, data: { approvalAuthority: boolean; on: string }) =>
    postCommand(commandPath('party-organizations', id, 'approval-authority'), data),
  assignPosition: (
    orgId: Identifier,
    data: { memberId: string; title: string; from: string; crossAppointment?: string },
  ) => postCommand(commandPath('party-organizations', orgId, 'positions'), data),
  endPosition: (orgId: Identifier, positionId: Identifier, data: { to: string }) =>
    postCommand(
      commandPath('party-organizations', orgId, `positions/${encodeURIComponent(String(positionId))}/end`),
      data,
    ),
  transferMember: (id: Identifier, data: { toOrgId: string; toUnitId: string; on: string }) =>
    postCommand(commandPath('members', id, 'transfer'), data),
  removeMember: (id: Identifier, data: { reason: string; on: string }) =>
    postCommand(commandPath('members', id, 'remove'), data),
  previewMemberImport: async (file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    const { json } = await httpClient(`${API_URL}/members/import/preview`, { method: 'POST', body });
    return { data: json as ImportPreview };
  },
  confirmMemberImport: async (token: string) => {
    const { json } = await httpClient(`${API_URL}/members/import/confirm`, {
      method: 'POST',
      body: JSON.stringify({ token }),
    });
    return { data: json as ImportResult };
  },
};

/** The data provider as this feature's screens see it. */
export type OrganizationsDataProvider = DataProvider & typeof organizationCommands;
