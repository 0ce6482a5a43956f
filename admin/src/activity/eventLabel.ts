import type { TranslateFunction } from 'react-admin';

/** An event type in words; types the admin does not know yet are shown as they are. */
export const eventLabel = (translate: TranslateFunction, type: string): string =>
  translate(`choices.event.${type}`, { _: type });

export const roleLabel = (translate: TranslateFunction, role: string | null | undefined): string =>
  role ? translate(`choices.role.${role}`, { _: role }) : '';
