import type { KernelMessages } from './zh.js';

/** The kernel's own messages in English: the same keys as zh.ts. */
export const en: KernelMessages = {
  app: {
    title: 'Party Ledger',
    subtitle: "County education bureau Party committee's ledger",
    /** The aria label of every list's page navigation (MUI's own is English). */
    pagination: 'Pagination',
  },
  commands: {
    new_password: 'New password',
    confirm_password: 'Confirm new password',
    current_password: 'Current password',
    change_password: 'Change password',
    change_password_done: 'Password changed',
    conflict: 'Someone else changed this record; reload the page and try again',
    not_supported: 'This operation is not supported',
  },
  export: {
    csv: 'Export CSV',
    xlsx: 'Export Excel',
  },
  validation: {
    password_rule: 'At least 8 characters, with letters and digits',
    password_mismatch: 'The passwords do not match',
  },
};
