import { createHash } from 'node:crypto';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import * as data from '../demo/county-data.js';
import { command } from '../core/command-handling.js';
import { fileEvidence } from './commands/file-evidence.js';
import { demoFileBytes } from './demo-files.js';
import { evidenceFile } from './evidence-file.js';
import { evidenceStream } from './evidence.events.js';
import { sniffBuffer } from './file-types.js';

interface DemoFiling {
  orgKey: string;
  subject: { feature: string; kind: string; id: string };
  year: number;
  category: string;
  on: string;
  name: string;
  title: string;
}

/** How many affiliated organisations (host-1…) keep stage summaries in the demo: a few, with gaps. */
const HOSTS_WITH_SUMMARIES = 6;

/**
 * The demo county's archive: for the four helper schools of seed 004, the year-end written summaries of the
 * past two years (one school missed one) and photos/records under the three named norms (the two
 * unconfirmed norms left empty, so archives show what is missing); stage summaries of a few affiliated
 * organisations for the last half-years with gaps (C3). Files are tiny PDFs and PNGs generated from their
 * titles (demo-files.ts); only their events are written here, the bytes appear on first download.
 * The year-end summaries' subject is the pairing `id('pairing', <helper school>)`: the id the pairing
 * feature's demo is expected to give its pairings (the contract of ISSUE12.md).
 */
export const evidenceDemo: DemoPart = {
  async seed(context) {
    const plan = demoPlan(context);
    for (const [n, filing] of plan.entries()) await fileDemo(context, filing, context.id('evidence', n));
    context.count('evidenceFiles', plan.length);
  },
};

const demoPlan = ({ county, id, today, random }: DemoContext): DemoFiling[] => {
  const thisYear = Number(today.slice(0, 4));
  const filings: DemoFiling[] = [];
  for (const [index, { helper }] of data.PAIRINGS.entries()) {
    const org = county.organisation(helper);
    for (const year of [thisYear - 2, thisYear - 1]) {
      const missedSummary = index === 3 && year === thisYear - 1;
      if (!missedSummary)
        filings.push({
          orgKey: helper,
          subject: { feature: 'pairing', kind: 'pairing', id: id('pairing', helper) },
          year,
          category: 'year-end-summary',
          on: `${year}-11-${String(random.int(18, 29)).padStart(2, '0')}`,
          name: `${helper}${year}年帮扶工作书面总结.pdf`,
          title: `${helper}${year}年结对帮扶工作书面总结`,
        });
      const records: [string, string, string][] = [
        ['norm_branch_setup', 'pdf', '支部设置情况及党员名册'],
        ['norm_org_life', 'pdf', '“三会一课”记录汇编'],
        ['norm_facilities', 'png', '党员活动室照片'],
      ];
      for (const [category, extension, what] of records) {
        if (random.chance(0.2)) continue; // a gap here and there
        filings.push({
          orgKey: helper,
          subject: { feature: 'organizations', kind: 'party-org', id: org.id },
          year,
          category,
          on: `${year}-${String(random.int(3, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          name: `${year}年${what}.${extension}`,
          title: `${helper}${year}年${what}`,
        });
      }
    }
  }
  const currentHalf = Number(today.slice(5, 7)) > 6 ? 2 : 1;
  for (let n = 1; n <= HOSTS_WITH_SUMMARIES; n++) {
    const host = county.organisation(`host-${n}`);
    // The two halves before the current one; the current one is not yet due.
    for (const back of [2, 1]) {
      const index = thisYear * 2 + (currentHalf - 1) - back;
      const [year, half] = [Math.floor(index / 2), (index % 2) + 1];
      if ((n + back) % 3 === 0) continue; // some organisations miss a half
      const on = half === 1 ? `${year}-06-${String(random.int(20, 30))}` : `${year}-12-${String(random.int(20, 31))}`;
      filings.push({
        orgKey: `host-${n}`,
        subject: { feature: 'organizations', kind: 'party-org', id: host.id },
        year,
        category: 'stage-summary',
        on,
        name: `${year}年${half === 1 ? '上' : '下'}半年阶段性工作总结.pdf`,
        title: `${host.name}${year}年${half === 1 ? '上' : '下'}半年阶段性工作总结`,
      });
    }
  }
  return filings.filter((f) => f.on <= today);
};

const fileDemo = async ({ county, run }: DemoContext, filing: DemoFiling, evidenceId: string) => {
  const org = county.organisation(filing.orgKey);
  const bytes = demoFileBytes(filing.name, filing.title);
  const type = sniffBuffer(bytes, filing.name)!;
  await run(evidenceStream(evidenceId), evidenceFile, filing.on, (state, metadata) =>
    fileEvidence(
      command(
        'FileEvidence',
        {
          evidenceId,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.length,
          name: filing.name,
          mime: type.mime,
          subjectFeature: filing.subject.feature,
          subjectKind: filing.subject.kind,
          subjectId: filing.subject.id,
          orgId: org.id,
          year: filing.year,
          category: filing.category,
          title: filing.title,
          on: filing.on,
          unitIds: org.unitIds,
        },
        metadata,
      ),
      state,
    ),
  );
};
