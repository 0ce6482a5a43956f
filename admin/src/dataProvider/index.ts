import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type Identifier } from 'react-admin';
import { translate } from '../i18n/i18nProvider';
import type { ActivityEvent } from '../audit/activityEvent';
import { API_URL, httpClient } from './http';

/** What every command answers: the stream written, its new revision and the events appended. */
export interface CommandReceipt {
  id?: string;
  stream: string;
  revision: number;
  position: string;
  events: { type: string }[];
}

export interface DashboardData {
  role: string | null;
  tiles: {
    key: string;
    label: { zh: string; en: string };
    value: number | string;
    tone: 'normal' | 'warning' | 'danger';
    /** The list the tile counts and its filter (src/dashboard/dashboard.ts). */
    link?: { resource: string; filter?: Record<string, unknown> };
    /** The rule code behind the figure, for a tooltip. */
    rule?: string;
  }[];
  charts: {
    key: string;
    label: { zh: string; en: string };
    data: { label: { zh: string; en: string }; value: number }[];
  }[];
  recent: ActivityEvent[];
}

export interface GrantRoleData {
  role: string;
  orgIds?: string[];
  unitIds?: string[];
}

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

export interface FoundOrgData {
  name: string;
  kind: string;
  parentId?: string | null;
  unitIds: string[];
  foundedOn: string;
  approvalAuthority?: boolean;
}

/** Commands are their own methods: the API has no PUT or DELETE, every write is a named command. */
export interface PartyLedgerDataProvider extends DataProvider {
  renameUnit: (id: Identifier, data: { name: string; expectedRevision: number }) => Promise<{ data: CommandReceipt }>;
  grantRole: (id: Identifier, data: GrantRoleData) => Promise<{ data: CommandReceipt }>;
  revokeRole: (id: Identifier, data: { role: string }) => Promise<{ data: CommandReceipt }>;
  disableUser: (id: Identifier) => Promise<{ data: CommandReceipt }>;
  enableUser: (id: Identifier) => Promise<{ data: CommandReceipt }>;
  resetPassword: (id: Identifier, data: { password: string }) => Promise<{ data: CommandReceipt }>;
  changeOwnPassword: (data: { currentPassword: string; newPassword: string }) => Promise<{ data: CommandReceipt }>;
  getDashboard: () => Promise<{ data: DashboardData }>;
  affiliateUnit: (id: Identifier, data: { hostOrgId: string | null; on: string }) => Promise<{ data: CommandReceipt }>;
  electCommittee: (id: Identifier, data: { termStart: string; termYears: number }) => Promise<{ data: CommandReceipt }>;
  /** Grants (or withdraws) a Party committee's authority to approve new members. */
  setApprovalAuthority: (
    id: Identifier,
    data: { approvalAuthority: boolean; on: string },
  ) => Promise<{ data: CommandReceipt }>;
  assignPosition: (
    orgId: Identifier,
    data: { memberId: string; title: string; from: string; crossAppointment?: string },
  ) => Promise<{ data: CommandReceipt }>;
  endPosition: (orgId: Identifier, positionId: Identifier, data: { to: string }) => Promise<{ data: CommandReceipt }>;
  transferMember: (
    id: Identifier,
    data: { toOrgId: string; toUnitId: string; on: string },
  ) => Promise<{ data: CommandReceipt }>;
  removeMember: (id: Identifier, data: { reason: string; on: string }) => Promise<{ data: CommandReceipt }>;
  previewMemberImport: (file: File) => Promise<{ data: ImportPreview }>;
  confirmMemberImport: (token: string) => Promise<{ data: ImportResult }>;
  /** One of the 25 steps, at the catalogue's path: POST /api/development/cases/:id/<route>. */
  developmentStep: (id: Identifier, path: string, data: Record<string, unknown>) => Promise<{ data: CommandReceipt }>;
  /** A record for a done step: POST /api/development/cases/:id/records. */
  attachDevelopmentRecord: (id: Identifier, data: Record<string, unknown>) => Promise<{ data: CommandReceipt }>;
  getDevelopmentPipeline: () => Promise<{ data: PipelineRow[] }>;
}

/** GET /api/development/pipeline: cases in progress per organisation, counted per stage 1–5. */
export interface PipelineRow {
  orgId: string;
  orgName: string | null;
  stages: Record<'1' | '2' | '3' | '4' | '5', number>;
  total: number;
}

const post = async (path: string, body?: unknown) => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { data: json as CommandReceipt };
};

const path = (resource: string, id: Identifier, command: string) =>
  `/${resource}/${encodeURIComponent(String(id))}/${command}`;

const user = (id: Identifier, command: string) => `/users/${encodeURIComponent(String(id))}/${command}`;

const notSupported = () => Promise.reject(new HttpError(translate('commands.not_supported'), 405));

const rest = simpleRestProvider(API_URL, httpClient);

/** Resources whose API path is not their name: the `development` resource is the cases' collection. */
const API_PATHS: Record<string, string> = { development: 'development/cases' };
const at = (resource: string) => API_PATHS[resource] ?? resource;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opening a development case answers the case itself once the server's read models have it, which is
 * what react-admin then shows (it keeps a create's answer as the record). Read models follow the event
 * store, so under load the answer may be a bare receipt: then read the case until it is there (about 15
 * s), so the page opened next shows a case and not a 404.
 */
const createCase: DataProvider['create'] = async (resource, params) => {
  const created = await rest.create(at(resource), params);
  if ('steps' in created.data) return created;
  for (let attempt = 0; attempt < 30; attempt++) {
    await pause(500);
    try {
      return await rest.getOne(at(resource), { id: created.data.id });
    } catch (error) {
      if ((error as HttpError).status !== 404) throw error;
    }
  }
  return created;
};

const base: DataProvider = {
  ...rest,
  getList: (resource, params) => rest.getList(at(resource), params),
  getOne: (resource, params) => rest.getOne(at(resource), params),
  getMany: (resource, params) => rest.getMany(at(resource), params),
  getManyReference: (resource, params) => rest.getManyReference(at(resource), params),
  create: (resource, params) =>
    resource === 'development' ? createCase(resource, params) : rest.create(at(resource), params),
};

export const dataProvider: PartyLedgerDataProvider = {
  ...base,
  update: notSupported,
  updateMany: notSupported,
  delete: notSupported,
  deleteMany: notSupported,
  renameUnit: (id, data) => post(`/units/${encodeURIComponent(String(id))}/rename`, data),
  grantRole: (id, data) => post(user(id, 'grant-role'), data),
  revokeRole: (id, data) => post(user(id, 'revoke-role'), data),
  disableUser: (id) => post(user(id, 'disable')),
  enableUser: (id) => post(user(id, 'enable')),
  resetPassword: (id, data) => post(user(id, 'reset-password'), data),
  changeOwnPassword: (data) => post('/auth/password', data),
  getDashboard: async () => ({ data: (await httpClient(`${API_URL}/dashboard`)).json as DashboardData }),
  affiliateUnit: (id, data) => post(path('units', id, 'affiliation'), data),
  electCommittee: (id, data) => post(path('party-organizations', id, 'elect-committee'), data),
  setApprovalAuthority: (id, data) => post(path('party-organizations', id, 'approval-authority'), data),
  assignPosition: (orgId, data) => post(path('party-organizations', orgId, 'positions'), data),
  endPosition: (orgId, positionId, data) =>
    post(path('party-organizations', orgId, `positions/${encodeURIComponent(String(positionId))}/end`), data),
  transferMember: (id, data) => post(path('members', id, 'transfer'), data),
  removeMember: (id, data) => post(path('members', id, 'remove'), data),
  previewMemberImport: async (file) => {
    const body = new FormData();
    body.append('file', file, file.name);
    const { json } = await httpClient(`${API_URL}/members/import/preview`, { method: 'POST', body });
    return { data: json as ImportPreview };
  },
  confirmMemberImport: async (token) => {
    const { json } = await httpClient(`${API_URL}/members/import/confirm`, {
      method: 'POST',
      body: JSON.stringify({ token }),
    });
    return { data: json as ImportResult };
  },
  // The catalogue's paths are absolute (`/api/development/cases/:id/talk`): fill in the case.
  developmentStep: (id, stepPath, data) =>
    post(stepPath.replace(/^\/api/, '').replace(':id', encodeURIComponent(String(id))), data),
  attachDevelopmentRecord: (id, data) => post(`/development/cases/${encodeURIComponent(String(id))}/records`, data),
  getDevelopmentPipeline: async () => ({
    data: (await httpClient(`${API_URL}/development/pipeline`)).json as PipelineRow[],
  }),
};
