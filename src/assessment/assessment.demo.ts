import { command } from '../core/command-handling.js';
import type { DemoPart } from '../core/demo/demo-part.js';
import { DEVELOPMENT_EVENT_TYPES } from '../development/development.events.js';
import { INSTRUCTOR_EVENT_TYPES } from '../instructors/instructors.events.js';
import { ORGANIZATIONAL_LIFE_EVENT_TYPES } from '../organizational-life/organizational-life.events.js';
import { ORGANIZATION_EVENT_TYPES } from '../organizations/organizations.events.js';
import { ruleSetStream } from './assessment.events.js';
import { draftRuleSet, publishRuleSet } from './commands/rule-set-commands.js';
import { puchengRuleSet } from './pucheng-rules.js';
import { ruleSetHistory } from './rule-set-history.js';

/** The event types the demo's rules name: those of the features seeded before this part. */
const KNOWN_EVENT_TYPES = new Set<string>([
  ...ORGANIZATION_EVENT_TYPES,
  ...DEVELOPMENT_EVENT_TYPES,
  ...ORGANIZATIONAL_LIFE_EVENT_TYPES,
  ...INSTRUCTOR_EVENT_TYPES,
]);

/**
 * Last year's and this year's Pucheng-style rules, each drafted in early January and published as version
 * 1 in force from 1 January (never after today): the scores of both years show from the county's events.
 */
export const assessmentDemo: DemoPart = {
  async seed({ today, run, count }) {
    const thisYear = Number(today.slice(0, 4));
    for (const [year, admittedEach] of [
      [thisYear - 1, 4],
      [thisYear, 5],
    ]) {
      const stream = ruleSetStream(year);
      const notAfterToday = (date: string) => (date < today ? date : today);
      await run(stream, ruleSetHistory, notAfterToday(`${year}-01-05`), (state, metadata) =>
        draftRuleSet(
          command('DraftRuleSet', { year, body: puchengRuleSet(year, admittedEach) }, metadata),
          state,
          KNOWN_EVENT_TYPES,
        ),
      );
      await run(stream, ruleSetHistory, notAfterToday(`${year}-01-10`), (state, metadata) =>
        publishRuleSet(
          command('PublishRuleSet', { year, effectiveOn: `${year}-01-01` }, metadata),
          state,
          KNOWN_EVENT_TYPES,
        ),
      );
    }
    count('assessment rule sets', 2);
  },
};
