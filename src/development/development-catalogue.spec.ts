import { describe, expect, test } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, ROLES, type Action } from '../auth/auth.facts.js';
import { accessRuleOf, type AccessRule } from '../core/http/access.js';
import { historyUntil } from './commands/development.fixtures.js';
import { DevelopmentAdmissionController } from './development-admission.controller.js';
import { developmentCase, type OpenCase } from './development-case.js';
import { attachableStepsFor, DEVELOPMENT_CATALOGUE, stepsOffered } from './development-catalogue.js';
import { DevelopmentCultivationController } from './development-cultivation.controller.js';
import { nextSteps, STEPS, type StepKey } from './development-steps.js';
import { DevelopmentController } from './development.controller.js';

const fold = (last: StepKey) =>
  historyUntil(last).reduce(developmentCase.evolve, developmentCase.initialState()) as OpenCase;

describe('nextSteps: what a case may take next, by the deciders’ own order checks', () => {
  test('after the talk: only the activist (step 3); filing it (step 4) waits for step 3', () =>
    expect(nextSteps(fold('talk'))).toEqual(['activist']));
  test('after the activist: filing, contacts and thought reports, in catalogue order', () =>
    expect(nextSteps(fold('activist'))).toEqual(['activistFiled', 'contacts', 'thoughtReport']));
  test('recurring records stay open until the step that closes them', () => {
    expect(nextSteps(fold('cultivation'))).toEqual(['cultivation', 'thoughtReport', 'candidate']);
    expect(nextSteps(fold('candidate'))).not.toContain('cultivation');
  });
  test('after a failed vote the vote is next by order (the wait is a date rule, see stepsOffered)', () => {
    const failed: OpenCase = { ...fold('admissionForm'), lastFailedVoteOn: '2024-12-02' };
    expect(nextSteps(failed)).toEqual(['thoughtReport', 'admissionVote']);
  });
  test('archiving follows the conversion, when the case is full_member; a closed case takes nothing', () => {
    expect(nextSteps(fold('conversionApproval'))).toEqual(['archived']);
    expect(nextSteps(fold('archived'))).toEqual([]);
    expect(nextSteps({ ...fold('talk'), status: 'not_admitted' })).toEqual([]);
  });
  test('filtered by the role matrix: secretaries send steps, instructors and auditors none', () => {
    const offered = (roles: string[]) => stepsOffered(fold('talk'), roles, '2026-01-01').nextSteps;
    expect(offered(['secretary'])).toEqual(['activist']);
    expect(offered(['instructor'])).toEqual([]);
    expect(offered(['auditor'])).toEqual([]);
  });
  test('a step a not-before date holds back is not offered yet, and says from when (by today in the county)', () => {
    // Step 7 after a year as an activist (2023-09-01): upcoming before 2024-09-01, offered from that day.
    expect(stepsOffered(fold('cultivation'), ['secretary'], '2024-08-31')).toEqual({
      nextSteps: ['cultivation', 'thoughtReport'],
      upcomingSteps: [{ key: 'candidate', availableFrom: '2024-09-01' }],
    });
    expect(stepsOffered(fold('cultivation'), ['secretary'], '2024-09-01')).toEqual({
      nextSteps: ['cultivation', 'thoughtReport', 'candidate'],
      upcomingSteps: [],
    });
    // Step 15 again only 6 months after a vote not to admit.
    const failed: OpenCase = { ...fold('admissionForm'), lastFailedVoteOn: '2024-12-02' };
    expect(stepsOffered(failed, ['bureau_staff'], '2025-06-01').upcomingSteps).toEqual([
      { key: 'admissionVote', availableFrom: '2025-06-02' },
    ]);
    expect(stepsOffered(failed, ['bureau_staff'], '2025-06-02').nextSteps).toContain('admissionVote');
    // Step 23 not before probation expires.
    const probation = fold('conversionApplication');
    expect(stepsOffered(probation, ['secretary'], '2025-12-01').upcomingSteps).toEqual([
      { key: 'conversionMeeting', availableFrom: probation.probationEnd },
    ]);
    expect(stepsOffered(probation, ['secretary'], probation.probationEnd as string).nextSteps).toContain(
      'conversionMeeting',
    );
    // A role that may not send the step is not told about it either.
    expect(stepsOffered(fold('cultivation'), ['auditor'], '2024-08-31')).toEqual({ nextSteps: [], upcomingSteps: [] });
  });
  test('the higher committee’s steps: the bureau always, a secretary only for the committee with approval authority', () => {
    // §4.1: a branch's (or general branch's) secretary reviews, but does not pre-review or approve.
    // (Far enough ahead that no not-before date holds a step back.)
    const nextStepsFor = (c: OpenCase, roles: string[], approves?: boolean) =>
      stepsOffered(c, roles, '2030-01-01', approves).nextSteps;
    expect(nextStepsFor(fold('branchReview'), ['secretary'])).toEqual(['thoughtReport']);
    expect(nextStepsFor(fold('branchReview'), ['secretary'], true)).toEqual(['thoughtReport', 'preReview']);
    expect(nextStepsFor(fold('branchReview'), ['bureau_staff'])).toEqual(['thoughtReport', 'preReview']);
    expect(nextStepsFor(fold('admissionVote'), ['secretary'])).toEqual(['thoughtReport']);
    expect(nextStepsFor(fold('conversionMeeting'), ['secretary'])).toEqual(['thoughtReport', 'observation']);
    expect(attachableStepsFor(fold('archived'), ['secretary'])).toHaveLength(20);
    expect(attachableStepsFor(fold('archived'), ['secretary'], true)).toHaveLength(25);
    expect(
      DEVELOPMENT_CATALOGUE.steps.filter((s) => s.authority === 'approving_committee').map((s) => s.number),
    ).toEqual([13, 16, 17, 18, 24]);
  });
  test('records attach to the done steps, for the roles that may send them', () => {
    expect(attachableStepsFor(fold('talk'), ['secretary'])).toEqual(['application', 'talk']);
    expect(attachableStepsFor(fold('archived'), ['bureau_staff'])).toHaveLength(25);
    expect(attachableStepsFor(fold('talk'), ['auditor'])).toEqual([]);
    expect(attachableStepsFor({ status: 'none', done: {} }, ['bureau_admin'])).toEqual([]);
  });
});

describe('GET /api/development/catalogue', () => {
  test('the 25 steps in order with number, stage, titles, prerequisites, path and roles', () => {
    expect(DEVELOPMENT_CATALOGUE.steps.map((s) => s.key)).toEqual(STEPS.map((s) => s.key));
    expect(DEVELOPMENT_CATALOGUE.steps[14]).toEqual({
      key: 'admissionVote',
      number: 15,
      stage: 4,
      zh: '支部大会讨论',
      en: 'Branch general meeting vote',
      after: ['admissionForm'],
      until: null,
      statuses: ['open'],
      method: 'POST',
      path: '/api/development/cases/:id/admission-vote',
      roles: ['bureau_admin', 'bureau_staff', 'secretary'],
      authority: null,
      records: [
        { zh: '支部大会决议', en: 'Branch general meeting resolution' },
        { zh: '表决票', en: 'Ballots' },
        { zh: '支部大会会议记录', en: 'Meeting minutes' },
        { zh: '书面意见', en: 'Written opinions of absent members' },
      ],
    });
    expect(DEVELOPMENT_CATALOGUE.steps[0].records).toEqual([{ zh: '入党申请书', en: 'Application letter' }]);
    // Every step and recurring record names at least one document (domain.md §4.2 "Record").
    for (const entry of [...DEVELOPMENT_CATALOGUE.steps, ...DEVELOPMENT_CATALOGUE.records])
      expect([entry.key, entry.records.length > 0]).toEqual([entry.key, true]);
    expect(DEVELOPMENT_CATALOGUE.records.map((r) => [r.key, r.number, r.until])).toEqual([
      ['thoughtReport', null, 'conversionApproval'],
    ]);
    expect(DEVELOPMENT_CATALOGUE.obligations.find((o) => o.code === 'A15')).toEqual({
      code: 'A15',
      zh: '召开支部大会讨论接收',
      en: 'Branch admission meeting',
      who: 'branch_secretary',
    });
  });

  test('each entry names a route the controllers serve, under the permission that route declares', () => {
    const reflector = new Reflector();
    const served = new Map<string, AccessRule | 'public' | undefined>();
    for (const controller of [
      DevelopmentController,
      DevelopmentCultivationController,
      DevelopmentAdmissionController,
    ]) {
      const prototype = controller.prototype as unknown as Record<string, object>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
        const path = `/api/development/${String(Reflect.getMetadata(PATH_METADATA, handler))}`;
        served.set(path, accessRuleOf(reflector, handler, controller));
      }
    }
    // The roles the catalogue names are exactly those the route's @Allow lets through.
    const rolesOf = (rule: AccessRule | 'public' | undefined) =>
      rule && rule !== 'public' ? ROLES.filter((role) => can([role], rule.resource, rule.action as Action)) : rule;
    for (const entry of [...DEVELOPMENT_CATALOGUE.steps, ...DEVELOPMENT_CATALOGUE.records])
      expect([entry.key, rolesOf(served.get(entry.path))]).toEqual([entry.key, entry.roles]);
  });
});
