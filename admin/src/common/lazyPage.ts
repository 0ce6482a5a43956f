import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded the first time it is opened, so each resource's screens are a chunk of their own and
 * the first page needs only the shell (react-admin's Layout shows its loader meanwhile, in a Suspense).
 */
export const lazyPage = <Module extends Record<string, unknown>>(load: () => Promise<Module>, name: keyof Module) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin passes each screen its own props
  lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
