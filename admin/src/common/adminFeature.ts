import type { ComponentType } from 'react';
import type { DashboardComponent, DataProvider, ResourceProps } from 'react-admin';
import type { FeatureMessages } from '../i18n/merge';

/**
 * One react-admin resource of a feature: react-admin's own props (list, show, create, edit, icon,
 * recordRepresentation; screens loaded lazily, see lazyPage) and what the app needs around them.
 */
export interface AdminResource extends Omit<ResourceProps, 'children'> {
  /** Pages under the resource's URL besides its list, show, create and edit: `#/<name>/<path>`. */
  routes?: { path: string; page: ComponentType }[];
  /** How the data provider reaches the resource when not as plain REST at /api/<name>. */
  api?: {
    /** The collection's path under /api, e.g. `development/cases` for the `development` resource. */
    path?: string;
    /** Replaces react-admin's create for this resource; called with the collection's path. */
    create?: DataProvider['create'];
  };
}

/** A menu line: a resource's list, shown to the roles that may list it. Lines are sorted by `order`. */
export interface MenuEntry {
  resource: string;
  order: number;
}

/**
 * What a feature plugs into the admin, mirroring a server feature (src/<feature>): its resources and
 * extra pages, its menu lines, its data-provider commands (the API's named writes, and reads that are not
 * a resource), and its part of the message tree in both languages. admin/src/features.ts lists them.
 */
export interface AdminFeature {
  /** The server feature it mirrors (src/<name>). */
  name: string;
  resources?: AdminResource[];
  menu?: MenuEntry[];
  /** The home page, for the one feature that has it. */
  dashboard?: DashboardComponent;
  /** Methods added to the data provider, called by the feature's screens (useCommand, useDataProvider). */
  commands?: Record<string, (...args: never[]) => Promise<unknown>>;
  messages: FeatureMessages;
  /** Shown in the app bar beside the language switcher (the reminders' unread badge). */
  appBarItems?: ComponentType[];
}
