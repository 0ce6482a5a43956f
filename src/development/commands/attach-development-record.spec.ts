import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { localDate, parseWith } from '../../core/http/validation.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase, type DevelopmentCase } from '../development-case.js';
import type { StepKey } from '../development-steps.js';
import { attachDevelopmentRecord, attachDevelopmentRecordBody } from './attach-development-record.js';
import { DATES, PERSON, historyUntil } from './development.fixtures.js';
import { holdApplicantTalk, holdApplicantTalkBody } from './hold-applicant-talk.js';
import { recordsNotInFuture, stepBody } from './step-support.js';

const attach =
  (step: StepKey, record: { title: string; reference?: string | null; on?: string | null }) => (s: DevelopmentCase) =>
    attachDevelopmentRecord(
      command('AttachDevelopmentRecord', { personId: PERSON, step, ...record }, testMetadata()),
      s,
    );

describe('attach a record to a done step (一事一记)', () => {
  test('the talk record, with where it is kept and its date, attached after the talk', () =>
    spec(developmentCase)
      .given(historyUntil('talk'))
      .when(attach('talk', { title: '谈话记录', reference: '档案盒 2023-07 第 3 页', on: DATES.talk }))
      .then([
        {
          type: 'DevelopmentRecordAttached',
          data: {
            personId: PERSON,
            step: 'talk',
            title: '谈话记录',
            reference: '档案盒 2023-07 第 3 页',
            on: DATES.talk,
          },
        },
      ]));
  test('reference and date are optional: stored as null', () =>
    spec(developmentCase)
      .given(historyUntil('talk'))
      .when(attach('application', { title: '入党申请书' }))
      .then([
        {
          type: 'DevelopmentRecordAttached',
          data: { personId: PERSON, step: 'application', title: '入党申请书', reference: null, on: null },
        },
      ]));
  test('a closed case keeps its records too: the archive list after archiving', () =>
    spec(developmentCase)
      .given(historyUntil('archived'))
      .when(attach('archived', { title: '材料归档清单', reference: '人事档案' }))
      .then([
        {
          type: 'DevelopmentRecordAttached',
          data: { personId: PERSON, step: 'archived', title: '材料归档清单', reference: '人事档案', on: null },
        },
      ]));
  test('a step the case has not done takes no record: development.record-step-not-done on `step`', () =>
    spec(developmentCase)
      .given(historyUntil('talk'))
      .when(attach('activist', { title: '推荐票' }))
      .thenFails('development.record-step-not-done', 'step'));
  test('a negative conclusion does not do the step: no record attached to a failed political review', () =>
    spec(developmentCase)
      .given(
        historyUntil('politicalReview').map((e) =>
          e.type === 'PoliticalReviewConcluded' ? { ...e, data: { ...e.data, conclusion: 'not_passed' as const } } : e,
        ),
      )
      .when(attach('politicalReview', { title: '政治审查综合材料' }))
      .thenFails('development.record-step-not-done', 'step'));
  test('no case: development.case-unknown', () =>
    spec(developmentCase)
      .given([])
      .when(attach('application', { title: '入党申请书' }))
      .thenFails('development.case-unknown', 'personId'));
  test('a document dated in the future is refused on `on`', () =>
    spec(developmentCase)
      .given(historyUntil('talk'))
      .when(attach('talk', { title: '谈话记录', on: '2099-01-01' }))
      .thenFails('development.date-in-future', 'on'));
  test('a record changes nothing in the case', () => {
    const history = historyUntil('talk');
    const before = history.reduce(developmentCase.evolve, developmentCase.initialState());
    expect(developmentCase.evolve(before, attach('talk', { title: '谈话记录' })(before))).toEqual(before);
  });
});

describe('records sent with a step', () => {
  const talk = (records?: { title: string; reference?: string | null; on?: string | null }[]) => (s: DevelopmentCase) =>
    holdApplicantTalk(
      command(
        'HoldApplicantTalk',
        { personId: PERSON, on: DATES.talk, talkedBy: '王书记', summary: '谈话', records },
        testMetadata(),
      ),
      s,
    );
  test('carried in the step event, every field present', () =>
    spec(developmentCase)
      .given(historyUntil('application'))
      .when(
        talk([
          { title: '谈话记录', reference: 'A-001' },
          { title: '谈话提纲', on: DATES.talk },
        ]),
      )
      .then([
        {
          type: 'ApplicantTalkHeld',
          data: {
            personId: PERSON,
            on: DATES.talk,
            talkedBy: '王书记',
            summary: '谈话',
            records: [
              { title: '谈话记录', reference: 'A-001', on: null },
              { title: '谈话提纲', reference: null, on: DATES.talk },
            ],
          },
        },
      ]));
  test('none sent: `records: []`', () =>
    spec(developmentCase)
      .given(historyUntil('application'))
      .when(talk())
      .then([
        {
          type: 'ApplicantTalkHeld',
          data: { personId: PERSON, on: DATES.talk, talkedBy: '王书记', summary: '谈话', records: [] },
        },
      ]));
  test('a record dated in the future is refused on its own field', () => {
    expect(() => recordsNotInFuture([{ on: '2020-01-01' }, { on: '2099-01-01' }], testMetadata())).toThrow(
      expect.objectContaining({ code: 'development.date-in-future', field: 'records.1.on' }) as unknown as DomainError,
    );
    expect(() => recordsNotInFuture([{ on: null }, {}], testMetadata())).not.toThrow();
  });
});

describe('the records schema, shared by every step body', () => {
  const issues = (schema: Parameters<typeof parseWith>[0], input: unknown) => {
    try {
      parseWith(schema, input);
      return [];
    } catch (error) {
      return (error as { issues: { field: string }[] }).issues.map((issue) => issue.field);
    }
  };
  test('a title is required and bounded, unknown fields refused, at most 20 records', () => {
    expect(issues(holdApplicantTalkBody, { on: DATES.talk, talkedBy: '王', summary: '谈', records: [{}] })).toEqual([
      'records.0.title',
    ]);
    expect(
      issues(holdApplicantTalkBody, {
        on: DATES.talk,
        talkedBy: '王',
        summary: '谈',
        records: [{ title: 'x'.repeat(101), reference: '', on: '2024-02-30', file: 'scan.pdf' }],
      }).sort(),
    ).toEqual(['records.0.file', 'records.0.on', 'records.0.reference', 'records.0.title']);
    const many = Array.from({ length: 21 }, (_, i) => ({ title: `材料 ${i}` }));
    expect(issues(stepBody({ on: localDate() }), { on: DATES.talk, records: many })).toEqual(['records']);
  });
  test('the attach body names its step among the 25', () => {
    expect(issues(attachDevelopmentRecordBody, { step: 'thoughtReport', title: '思想汇报' })).toEqual(['step']);
    expect(issues(attachDevelopmentRecordBody, { step: 'talk', title: '谈话记录', reference: null })).toEqual([]);
  });
});
