import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type Identifier } from 'react-admin';
import { translate } from '../i18n/i18nProvider';
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
    link?: string;
  }[];
  charts: {
    key: string;
    label: { zh: string; en: string };
    data: { label: { zh: string; en: string }; value: number }[];
  }[];
  recent: { id: string; position: string; type: string; stream: string; actorId: string; occurredAt: string }[];
}

export interface GrantRoleData {
  role: string;
  orgIds?: string[];
  unitIds?: string[];
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
}

const post = async (path: string, body?: unknown) => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { data: json as CommandReceipt };
};

const user = (id: Identifier, command: string) => `/users/${encodeURIComponent(String(id))}/${command}`;

const notSupported = () => Promise.reject(new HttpError(translate('commands.not_supported'), 405));

const base = simpleRestProvider(API_URL, httpClient);

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
};
