import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import { commendationCycle, type CommendationCycle } from '../commendation-cycle.js';
import type { CommendationEvent } from '../commendations.events.js';
import { nominate, type NomineeFacts } from './nominate.js';
import { openCycle } from './open-cycle.js';
import { decideCommendations, revokeCommendation, startPublicity } from './publicity-and-decision.js';

const CYCLE = 'cy-2025';
const at = (day: string) => testMetadata(`${day}T02:00:00.000Z`);
const opened: CommendationEvent = {
  type: 'CommendationCycleOpened',
  data: {
    cycleId: CYCLE,
    year: 2025,
    name: '2025年度“两优一先”评选',
    quotas: { outstanding_member: 2, outstanding_party_worker: 1, advanced_party_org: 1 },
    nominationsDueOn: '2025-06-10',
    decisionDueOn: '2025-06-30',
    publicityWorkingDays: 5,
    openedOn: '2025-05-20',
  },
};
const nominee = (name = '王芳', veto: NomineeFacts['veto'] = []): NomineeFacts => ({
  name,
  orgId: 'org-1',
  unitId: 'unit-1',
  veto,
});
const nominateOn =
  (
    day: string,
    nomineeId: string,
    facts = nominee(),
    title: 'outstanding_member' | 'outstanding_party_worker' = 'outstanding_member',
  ) =>
  (s: CommendationCycle) =>
    nominate(
      command('Nominate', { title, nomineeId, merits: '教书育人', nominationId: `n-${nomineeId}` }, at(day)),
      s,
      facts,
    );
const nominated = (nomineeId: string): CommendationEvent =>
  nominateOn('2025-06-01', nomineeId)(fold([opened])) as CommendationEvent;
const fold = (events: CommendationEvent[]) => events.reduce(commendationCycle.evolve, commendationCycle.initialState());

describe('两优一先: nominations, the one-vote veto, publicity, decision', () => {
  test('a cycle: nominations due before the decision', () =>
    spec(commendationCycle)
      .given([])
      .when((s) =>
        openCycle(
          command('OpenCommendationCycle', { ...opened.data, decisionDueOn: '2025-06-10' } as never, at('2025-05-20')),
          s,
        ),
      )
      .thenFails('commendations.decision-before-nominations', 'decisionDueOn'));

  test('a nomination on the due date is taken; the day after, refused naming the rule', () => {
    spec(commendationCycle)
      .given([opened])
      .when(nominateOn('2025-06-10', 'm-1'))
      .then([
        {
          type: 'NomineeNominated',
          data: {
            cycleId: CYCLE,
            nominationId: 'n-m-1',
            title: 'outstanding_member',
            nomineeId: 'm-1',
            nomineeName: '王芳',
            orgId: 'org-1',
            unitId: 'unit-1',
            nominatedOn: '2025-06-10',
            merits: '教书育人',
          },
        },
      ]);
    spec(commendationCycle)
      .given([opened])
      .when(nominateOn('2025-06-11', 'm-1'))
      .thenFails('commendations.nominations-closed');
  });

  test('quota exceeded: refused with the quota', () =>
    spec(commendationCycle)
      .given([opened, nominated('m-1'), nominated('m-2')])
      .when(nominateOn('2025-06-02', 'm-3'))
      .thenFails('commendations.quota-exceeded', 'title'));

  test('a vetoed nominee is refused with every reason and the end date', () => {
    const facts = nominee('赵强', [
      { zh: '党纪处分影响期内', en: 'Within the influence period of a Party sanction', until: '2026-02-28' },
    ]);
    spec(commendationCycle)
      .given([opened])
      .when(nominateOn('2025-06-02', 'm-9', facts))
      .thenFails('commendations.one-vote-veto', 'nomineeId');
    try {
      nominateOn('2025-06-02', 'm-9', facts)(fold([opened]));
    } catch (error) {
      expect((error as Error).message).toContain('eligible after 2026-02-28');
    }
  });

  test('publicity: the veto runs again; 5 working days of the Chinese calendar (the weekend skipped)', () => {
    const veto = [{ zh: '党纪处分影响期内', en: 'x', until: '2026-06-11' }];
    spec(commendationCycle)
      .given([opened, nominated('m-1'), nominated('m-2')])
      .when((s) =>
        startPublicity(
          command('StartPublicity', { from: '2025-05-30' }, at('2025-06-12')),
          s,
          {},
          defaultChinaCalendar(),
        ),
      )
      .thenFails('commendations.publicity-before-close', 'from');
    spec(commendationCycle)
      .given([opened, nominated('m-1'), nominated('m-2')])
      .when((s) =>
        startPublicity(
          command('StartPublicity', { from: '2025-06-11' }, at('2025-06-12')),
          s,
          { 'n-m-2': veto },
          defaultChinaCalendar(),
        ),
      )
      .then([
        { type: 'NominationVetoed', data: { cycleId: CYCLE, nominationId: 'n-m-2', on: '2025-06-11', reasons: veto } },
        {
          type: 'CommendationPublicityStarted',
          data: { cycleId: CYCLE, from: '2025-06-11', to: '2025-06-17', workingDays: 5, nominationIds: ['n-m-1'] },
        },
      ]);
  });

  test('the decision after the publicity awards each nominee as an event; an award may be revoked', () => {
    const publicised: CommendationEvent = {
      type: 'CommendationPublicityStarted',
      data: { cycleId: CYCLE, from: '2025-06-11', to: '2025-06-17', workingDays: 5, nominationIds: ['n-m-1'] },
    };
    const decide = (decidedOn: string) => (s: CommendationCycle) =>
      decideCommendations(
        command(
          'DecideCommendations',
          { decidedOn, decidingBody: '县教育局党委', documentNumber: '蒲教党发〔2025〕20号' },
          at('2025-07-01'),
        ),
        s,
        {},
      );
    spec(commendationCycle)
      .given([opened, nominated('m-1'), publicised])
      .when(decide('2025-06-17'))
      .thenFails('commendations.decision-before-publicity-ends', 'decidedOn');
    const events = decide('2025-06-18')(fold([opened, nominated('m-1'), publicised]));
    expect(events.map((e) => e.type)).toEqual(['CommendationsDecided', 'CommendationAwarded']);
    expect(events[1].data).toMatchObject({
      title: 'outstanding_member',
      nomineeId: 'm-1',
      awardedOn: '2025-06-18',
      year: 2025,
    });
    const revoke = (s: CommendationCycle) =>
      revokeCommendation(
        command(
          'RevokeCommendation',
          {
            nominationId: 'n-m-1',
            revokedOn: '2025-06-20',
            reason: '事迹失实',
            decidingBody: '县教育局党委',
            documentNumber: '蒲教党发〔2025〕21号',
          },
          at('2025-07-01'),
        ),
        s,
      );
    spec(commendationCycle)
      .given([opened, nominated('m-1'), publicised, ...events])
      .when(revoke)
      .then([
        {
          type: 'CommendationRevoked',
          data: {
            cycleId: CYCLE,
            nominationId: 'n-m-1',
            nomineeId: 'm-1',
            revokedOn: '2025-06-20',
            reason: '事迹失实',
            decidingBody: '县教育局党委',
            documentNumber: '蒲教党发〔2025〕21号',
          },
        },
      ]);
  });
});
