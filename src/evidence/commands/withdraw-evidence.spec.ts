import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { evidenceFile } from '../evidence-file.js';
import type { EvidenceEvent } from '../evidence.events.js';
import { withdrawEvidence } from './withdraw-evidence.js';

const filed: EvidenceEvent = {
  type: 'EvidenceFiled',
  data: {
    evidenceId: 'e-1',
    sha256: 'b'.repeat(64),
    size: 10,
    name: '记录.pdf',
    mime: 'application/pdf',
    subject: { feature: 'organizations', kind: 'party-org', id: 'org-1' },
    orgId: 'org-1',
    year: 2026,
    category: 'norm_org_life',
    title: null,
  },
  metadata: { unitIds: ['u-1'] },
};
const withdrawn: EvidenceEvent = { type: 'EvidenceWithdrawn', data: { evidenceId: 'e-1', reason: '上传错误' } };
const withdraw = (state: Parameters<typeof withdrawEvidence>[1]) =>
  withdrawEvidence(command('WithdrawEvidence', { evidenceId: 'e-1', reason: '上传错误' }, testMetadata()), state);

describe('withdrawing evidence', () => {
  test('a filed file is withdrawn with its reason', () =>
    spec(evidenceFile).given([filed]).when(withdraw).then([withdrawn]));

  test('nothing filed under the id: 404', () => spec(evidenceFile).given([]).when(withdraw).thenFails('not-found'));

  test('withdrawn twice: 409', () =>
    spec(evidenceFile).given([filed, withdrawn]).when(withdraw).thenFails('evidence.already-withdrawn'));
});
