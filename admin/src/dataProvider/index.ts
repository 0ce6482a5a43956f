import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import type { AdminFeature } from '../common/adminFeature';
import { translate } from '../i18n/i18nProvider';
import { postCommand } from './command';
import { API_URL, httpClient } from './http';

const notSupported = () => Promise.reject(new HttpError(translate('commands.not_supported'), 405));

/** Plain REST over the API (GET lists and records, POST to create), by API path. */
export const restProvider = simpleRestProvider(API_URL, httpClient);

/** The kernel's own command: whoever is signed in changes their password (the account menu). */
export const sessionCommands = {
  changeOwnPassword: (data: { currentPassword: string; newPassword: string }) => postCommand('/auth/password', data),
};

export type SessionDataProvider = DataProvider & typeof sessionCommands;

/** Each resource's API path and create, when its feature says they differ from plain REST at /api/<name>. */
const resourceApis = (features: readonly AdminFeature[]) => {
  const resources = features.flatMap((feature) => feature.resources ?? []);
  const paths = new Map(resources.map((resource) => [resource.name, resource.api?.path ?? resource.name]));
  const creates = new Map(
    resources.flatMap((resource) => (resource.api?.create ? [[resource.name, resource.api.create]] : [])),
  );
  return { at: (resource: string) => paths.get(resource) ?? resource, creates };
};

/**
 * The app's data provider: ra-data-simple-rest over the API, with every feature's commands as methods of
 * their own. The API has no PUT or DELETE: every write is a named command, so update and delete refuse.
 */
export const createDataProvider = (features: readonly AdminFeature[]): DataProvider => {
  const { at, creates } = resourceApis(features);
  const provider: DataProvider = {
    ...restProvider,
    getList: (resource, params) => restProvider.getList(at(resource), params),
    getOne: (resource, params) => restProvider.getOne(at(resource), params),
    getMany: (resource, params) => restProvider.getMany(at(resource), params),
    getManyReference: (resource, params) => restProvider.getManyReference(at(resource), params),
    create: (resource, params) => (creates.get(resource) ?? restProvider.create)(at(resource), params),
    update: notSupported,
    updateMany: notSupported,
    delete: notSupported,
    deleteMany: notSupported,
    ...sessionCommands,
  };
  for (const feature of features)
    for (const [name, command] of Object.entries(feature.commands ?? {})) {
      // Two features with one method name would make a screen call the other feature's command.
      if (name in provider) throw new Error(`The data provider has "${name}" already (feature ${feature.name})`);
      provider[name] = command;
    }
  return provider;
};
