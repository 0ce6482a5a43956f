import { command } from '../core/command-handling.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import { defaultChinaCalendar } from '../core/time/china-holidays.js';
import { disciplineCaseStream, type SanctionImposed } from '../discipline/discipline.events.js';
import { nominate } from './commands/nominate.js';
import { openCycle } from './commands/open-cycle.js';
import { decideCommendations, startPublicity, type Vetoes } from './commands/publicity-and-decision.js';
import { commendationCycle } from './commendation-cycle.js';
import { commendationCycleStream } from './commendations.events.js';
import { GENERIC } from './veto.js';

/**
 * The year's 两优一先 in the demo county (no draw from the seeded random source): nominations by three
 * branches on 1 June, among them the member the discipline part warned on 5 June, whom the publicity's
 * veto takes out with its reason and end; the bureau's decision on 20 June awards the others.
 */
export const commendationsDemo: DemoPart = {
  async seed({ county, id, today, run, store, count }: DemoContext) {
    const year = today >= `${today.slice(0, 4)}-06-20` ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const warning = (await store.readStream(disciplineCaseStream(id('disciplineCase', 'warning')))).find(
      (e) => e.type === 'SanctionImposed',
    )?.data as SanctionImposed['data'] | undefined;
    const members = county.get('members').filter((m) => m.status === 'active' && m.category === 'full');
    const others = members.filter((m, i) => members.findIndex((x) => x.unitId === m.unitId) === i).slice(3, 5);
    const warned = members.find((m) => m.id === warning?.personId);
    const nominees = [...(warned ? [warned] : []), ...others];
    if (!nominees.length) return;
    const cycleId = id('commendationCycle', year);
    const stream = commendationCycleStream(cycleId);
    await run(stream, commendationCycle, `${year}-05-20`, (s, m) =>
      openCycle(
        command(
          'OpenCommendationCycle',
          {
            cycleId,
            year,
            name: `${year}年度“两优一先”评选`,
            quotas: { outstanding_member: 60, outstanding_party_worker: 20, advanced_party_org: 10 },
            nominationsDueOn: `${year}-06-10`,
            decisionDueOn: `${year}-06-30`,
            publicityWorkingDays: 5,
            openedOn: `${year}-05-20`,
          },
          m,
        ),
        s,
      ),
    );
    const nominationIds: Record<string, string> = {};
    for (const member of nominees) {
      const nominationId = id('nomination', `${year}-${member.id}`);
      nominationIds[member.id] = nominationId;
      await run(stream, commendationCycle, `${year}-06-01`, (s, m) =>
        nominate(
          command(
            'Nominate',
            { nominationId, title: 'outstanding_member', nomineeId: member.id, merits: '爱岗敬业，教书育人成绩突出' },
            m,
          ),
          s,
          { name: member.name, orgId: member.orgId, unitId: member.unitId, veto: [] },
        ),
      );
    }
    const vetoes: Vetoes =
      warned && warning ? { [nominationIds[warned.id]]: [{ ...GENERIC.party, until: warning.lastDay }] } : {};
    await run(stream, commendationCycle, `${year}-06-11`, (s, m) =>
      startPublicity(command('StartPublicity', { from: `${year}-06-11` }, m), s, vetoes, defaultChinaCalendar()),
    );
    await run(stream, commendationCycle, `${year}-06-20`, (s, m) =>
      decideCommendations(
        command(
          'DecideCommendations',
          {
            decidedOn: `${year}-06-20`,
            decidingBody: '中共蒲城县教育局委员会',
            documentNumber: `蒲教党发〔${year}〕18号`,
          },
          m,
        ),
        s,
        {},
      ),
    );
    count('commendation nominations', nominees.length);
  },
};
