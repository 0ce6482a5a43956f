import type { zh } from './messages.zh.js';

/** Evidence in English: the same keys as messages.zh.ts (its type says so). */
export const en: typeof zh = {
  resources: {
    evidence: {
      name: 'Evidence |||| Evidence',
      fields: {
        orgId: 'Party organisation',
        year: 'Year',
        category: 'Category',
        title: 'Title',
        on: 'Document date',
        file: 'File',
        name: 'File name',
        size: 'Size',
        reason: 'Reason for withdrawal',
      },
      archive: {
        title: 'Evidence archive',
        pickOrg: 'Choose a Party organisation',
        ready: 'Complete: ready for inspection',
        notReady: '%{count} missing',
        required: 'Required',
        optional: 'Other',
        present: 'On file',
        missing: 'Missing',
        noFiles: 'No files',
        download: 'Download',
        zip: 'Download all (zip)',
        zipping: 'Packing…',
        withdraw: 'Withdraw',
        withdrawPrompt: 'Reason for withdrawal (the file is kept for audit)',
        withdrawn: 'Withdrawn files (kept for audit)',
        profile: 'Requirements',
        empty: 'No Party organisation to show',
      },
      upload: {
        title: 'Upload evidence',
        choose: 'Choose a file',
        submit: 'Upload',
        uploading: 'Uploading %{percent}%',
        done: 'Uploaded: %{name}',
        allowed: 'Accepted: %{types}; at most %{size} per file',
        noFile: 'Choose a file first',
      },
    },
  },
};
