import ExcelJS from 'exceljs';
import type { Bilingual } from '../core/errors.js';
import type { ExportLang } from '../core/http/export.js';
import type { UnitScore } from './scorer.js';

/** A ranked unit as the export lists it: its place and name beside its stored score (explanation included). */
export interface ExportedScore {
  rank: number;
  name: string;
  score: UnitScore;
}

const KINDS: Record<string, Bilingual> = {
  start: { zh: '满分', en: 'Full points' },
  floor: { zh: '扣完为止', en: 'Floor at 0' },
  ceiling: { zh: '封顶', en: 'Ceiling' },
  cap: { zh: '上限', en: 'Cap' },
  count: { zh: '计分', en: 'Count' },
  target: { zh: '目标', en: 'Target' },
  deadline: { zh: '时限', en: 'Deadline' },
  deduction: { zh: '扣分', en: 'Deduction' },
  bonus: { zh: '加分', en: 'Bonus' },
  veto: { zh: '一票否决', en: 'Veto' },
  manual: { zh: '人工评分', en: 'Manual' },
};

const H = {
  rank: { zh: '名次', en: 'Rank' },
  unit: { zh: '单位', en: 'Unit' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等次', en: 'Grade' },
  vetoed: { zh: '一票否决', en: 'Vetoed by' },
  section: { zh: '板块', en: 'Section' },
  indicator: { zh: '指标', en: 'Indicator' },
  kind: { zh: '类别', en: 'Kind' },
  period: { zh: '期间', en: 'Period' },
  points: { zh: '分值', en: 'Points' },
  note: { zh: '说明', en: 'Note' },
  events: { zh: '依据（事件类型 业务日期 / 记录时间）', en: 'Evidence (event type, business day / recorded at)' },
};

/**
 * The results workbook: the ranking with grades and each section's points on the first sheet, every
 * line of every unit's explanation on the second (its lines add up to the unit's total, as on screen).
 */
export const resultsWorkbook = async (
  rows: readonly ExportedScore[],
  lang: ExportLang,
  title: Bilingual,
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const ranking = workbook.addWorksheet(lang === 'zh' ? '排名' : 'Ranking');
  const sections = rows[0]?.score.sections ?? [];
  ranking.columns = [
    { header: H.rank[lang], width: 8 },
    { header: H.unit[lang], width: 28 },
    { header: H.total[lang], width: 10 },
    { header: H.grade[lang], width: 10 },
    { header: H.vetoed[lang], width: 16 },
    ...sections.map((section) => ({ header: `${section.title[lang]}（${section.maxPoints}）`, width: 16 })),
  ];
  for (const { rank, name, score } of rows)
    ranking.addRow([
      rank,
      name,
      score.total,
      score.grade.name[lang],
      score.vetoedBy?.indicator ?? null,
      ...score.sections.map((section) => section.points),
    ]);
  ranking.getRow(1).font = { bold: true };
  ranking.views = [{ state: 'frozen', ySplit: 1 }];

  const lines = workbook.addWorksheet(lang === 'zh' ? '得分明细' : 'Explanation');
  lines.columns = [
    { header: H.unit[lang], width: 28 },
    { header: H.section[lang], width: 16 },
    { header: H.indicator[lang], width: 30 },
    { header: H.kind[lang], width: 10 },
    { header: H.period[lang], width: 10 },
    { header: H.points[lang], width: 8 },
    { header: H.note[lang], width: 30 },
    { header: H.events[lang], width: 60 },
  ];
  for (const { name, score } of rows)
    for (const section of score.sections)
      for (const item of section.items)
        lines.addRow([
          name,
          section.title[lang],
          item.title[lang],
          KINDS[item.kind]?.[lang] ?? item.kind,
          item.period,
          item.points,
          item.note?.[lang] ?? null,
          item.events.map((event) => `${event.type} ${event.occurredOn} / ${event.recordedAt}`).join('\n') || null,
        ]);
  lines.getRow(1).font = { bold: true };
  lines.views = [{ state: 'frozen', ySplit: 1 }];
  workbook.title = title[lang];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
