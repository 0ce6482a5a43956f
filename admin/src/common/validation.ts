import type { Validator } from 'react-admin';

/** The server's rule (src/auth/passwords.ts): at least 8 characters with letters and digits. */
export const passwordRule: Validator = (value: unknown) =>
  typeof value === 'string' && value.length >= 8 && value.length <= 128 && /[A-Za-z]/.test(value) && /\d/.test(value)
    ? undefined
    : 'validation.password_rule';

/** The confirmation must repeat the field `source`. */
export const sameAs =
  (source: string): Validator =>
  (value: unknown, values: Record<string, unknown>) =>
    value === values[source] ? undefined : 'validation.password_mismatch';
