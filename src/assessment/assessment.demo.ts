import { command } from '../core/command-handling.js';
import type { DemoPart } from '../core/demo/demo-part.js';
import { COMMENDATION_EVENT_TYPES } from '../commendations/commendations.events.js';
import { DEVELOPMENT_EVENT_TYPES } from '../development/development.events.js';
import { DISCIPLINE_EVENT_TYPES } from '../discipline/discipline.events.js';
import { NOTICE_EVENT_TYPES } from '../notices/notices.events.js';
import { INSTRUCTOR_EVENT_TYPES } from '../instructors/instructors.events.js';
import { ORGANIZATIONAL_LIFE_EVENT_TYPES } from '../organizational-life/organizational-life.events.js';
import { EVIDENCE_EVENT_TYPES } from '../evidence/evidence.events.js';
import { ORGANIZATION_EVENT_TYPES } from '../organizations/organizations.events.js';
import { PAIRING_EVENT_TYPES } from '../pairing/pairing.events.js';
import { addDays } from '../core/time/local-date.js';
import type { RecordedEvent } from '../core/messages.js';
import { bulletinStream, ruleSetStream } from './assessment.events.js';
import { bulletinHistory, periodEnd, publishBulletin } from './commands/bulletin-commands.js';
import { draftRuleSet, publishRuleSet } from './commands/rule-set-commands.js';
import { score } from './scorer.js';
import { puchengRuleSet } from './pucheng-rules.js';
import { ruleSetHistory } from './rule-set-history.js';

/**
 * The event types the demo's rules name: of the features seeded before this part, and the criticism notices
 * seeded after it (a rule may name any event type of the app; the notice's deduction shows once it is issued).
 */
const KNOWN_EVENT_TYPES = new Set<string>([
  ...DISCIPLINE_EVENT_TYPES,
  ...COMMENDATION_EVENT_TYPES,
  ...NOTICE_EVENT_TYPES,
  ...ORGANIZATION_EVENT_TYPES,
  ...DEVELOPMENT_EVENT_TYPES,
  ...ORGANIZATIONAL_LIFE_EVENT_TYPES,
  ...INSTRUCTOR_EVENT_TYPES,
  ...PAIRING_EVENT_TYPES,
  ...EVIDENCE_EVENT_TYPES,
]);

/**
 * Last year's and this year's Pucheng-style rules, each drafted in early January and published as version
 * 1 in force from 1 January (never after today): the scores of both years show from the county's events.
 * Each quarter that has ended gets its bulletin (季通报) ten days later (never after today): last year's
 * four, this year's so far, ranked as the API would rank them (every unit scored as of the quarter's end).
 */
export const assessmentDemo: DemoPart = {
  async seed({ today, run, count, county, store }) {
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
    const units = county.get('units');
    const eventsOf = new Map<string, RecordedEvent[]>();
    for (const unit of units) eventsOf.set(unit.id, await store.readUnit(unit.id));
    let published = 0;
    for (const [year, admittedEach] of [
      [thisYear - 1, 4],
      [thisYear, 5],
    ]) {
      const rules = puchengRuleSet(year, admittedEach);
      for (const quarter of [1, 2, 3, 4]) {
        const period = `${year}-Q${quarter}`;
        const end = periodEnd(period);
        if (end >= today) continue;
        const scored = units
          .map((unit) => ({ unit, result: score(rules, unit, eventsOf.get(unit.id) ?? [], year, end) }))
          .sort((a, b) => b.result.total - a.result.total || a.unit.name.localeCompare(b.unit.name, 'zh-Hans-CN'));
        const ranking = scored.map(({ unit, result }) => ({
          unitId: unit.id,
          rank: scored.findIndex((other) => other.result.total === result.total) + 1,
          total: result.total,
          gradeId: result.grade.id,
        }));
        const publishedOn = addDays(end, 10) < today ? addDays(end, 10) : today;
        await run(bulletinStream(year, period), bulletinHistory, publishedOn, (state, metadata) =>
          publishBulletin(
            command('PublishBulletin', { year, period, version: 1, publishedOn, ranking }, metadata),
            state,
          ),
        );
        published++;
      }
    }
    count('assessment bulletins', published);
  },
};
