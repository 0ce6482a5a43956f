import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { evidenceFile } from '../evidence-file.js';
import type { EvidenceEvent } from '../evidence.events.js';
import { fileEvidence, type FileEvidence } from './file-evidence.js';

const SHA = 'a'.repeat(64);
const data: FileEvidence['data'] = {
  evidenceId: 'e-1',
  sha256: SHA,
  size: 1234,
  name: '2026年帮扶工作总结.pdf',
  mime: 'application/pdf',
  subjectFeature: 'pairing',
  subjectKind: 'pairing',
  subjectId: 'p-1',
  orgId: 'org-1',
  year: 2026,
  category: 'year-end-summary',
  title: '桥山中学2026年帮扶工作书面总结',
  on: '2026-11-20',
  unitIds: ['u-1'],
};
const file =
  (changes: Partial<FileEvidence['data']> = {}) =>
  (state: Parameters<typeof fileEvidence>[1]) =>
    fileEvidence(command('FileEvidence', { ...data, ...changes }, testMetadata('2026-11-23T02:00:00.000Z')), state);
const filed: EvidenceEvent = {
  type: 'EvidenceFiled',
  data: {
    evidenceId: 'e-1',
    sha256: SHA,
    size: 1234,
    name: 'x.pdf',
    mime: 'application/pdf',
    subject: { feature: 'pairing', kind: 'pairing', id: 'p-1' },
    orgId: 'org-1',
    year: 2026,
    category: 'year-end-summary',
    title: null,
  },
};

describe('filing evidence', () => {
  test('a stored file is filed against its subject, organisation, year and category', () =>
    spec(evidenceFile)
      .given([])
      .when(file())
      .then([
        {
          type: 'EvidenceFiled',
          data: {
            evidenceId: 'e-1',
            sha256: SHA,
            size: 1234,
            name: '2026年帮扶工作总结.pdf',
            mime: 'application/pdf',
            subject: { feature: 'pairing', kind: 'pairing', id: 'p-1' },
            orgId: 'org-1',
            year: 2026,
            category: 'year-end-summary',
            title: '桥山中学2026年帮扶工作书面总结',
          },
        },
      ]));

  test('the same evidence id twice is a 409', () =>
    spec(evidenceFile).given([filed]).when(file()).thenFails('evidence.exists', 'evidenceId'));

  test('a document dated after today is refused', () =>
    spec(evidenceFile)
      .given([])
      .when(file({ on: '2026-11-24' }))
      .thenFails('evidence.date-in-future', 'on'));

  test('a document cannot be filed for a year after its date (the year has not begun)', () =>
    spec(evidenceFile)
      .given([])
      .when(file({ on: '2026-11-20', year: 2027 }))
      .thenFails('evidence.year-after-document', 'year'));

  test("January's summary of the past year is filed for that year", () =>
    spec(evidenceFile)
      .given([])
      .when((state) =>
        fileEvidence(
          command('FileEvidence', { ...data, year: 2025, on: '2026-01-10' }, testMetadata('2026-01-12T02:00:00.000Z')),
          state,
        ),
      )
      .then([
        { type: 'EvidenceFiled', data: { ...filed.data, name: data.name, title: data.title ?? null, year: 2025 } },
      ]));
});
