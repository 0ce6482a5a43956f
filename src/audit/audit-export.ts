import ExcelJS from 'exceljs';
import type { Bilingual } from '../core/errors.js';
import type { ExportLang } from '../core/http/export.js';
import type { RecordedEvent } from '../core/messages.js';
import { shanghaiDate } from '../core/time/local-date.js';
import type { ScoreAt } from '../assessment/assessment.facts.js';
import { ID_FIELDS, nameKey, shownData } from './event-fields.js';
import { eventLabel } from './event-labels.js';
import { fieldLabel } from './field-labels.js';
import type { VerificationStatus } from './integrity-status.js';

/** Everything an audit export holds: the unit's year as scored now, month by month, and its events. */
export interface AuditDossier {
  unitId: string;
  unitName: string | null;
  year: number;
  exportedAt: string;
  exportedBy: string;
  verification: VerificationStatus;
  /** The score now (as of today within the year, everything known). */
  now: ScoreAt;
  /** The score as of each month's end that has come (business time), under the version in force then. */
  months: ScoreAt[];
  /** Names of what the events refer to, by `kind:id`. */
  names: Record<string, string>;
}

const T = {
  title: { zh: '单位考核审计材料', en: 'Unit evaluation audit file' },
  summary: { zh: '概要', en: 'Summary' },
  explanation: { zh: '得分说明', en: 'Score explanation' },
  history: { zh: '逐月得分', en: 'Month by month' },
  events: { zh: '事件', en: 'Events' },
  unit: { zh: '单位', en: 'Unit' },
  year: { zh: '年度', en: 'Year' },
  exportedAt: { zh: '导出时间', en: 'Exported at' },
  exportedBy: { zh: '导出人', en: 'Exported by' },
  verification: { zh: '校验状态', en: 'Verification status' },
  version: { zh: '适用细则版本', en: 'Rules version' },
  effectiveOn: { zh: '生效日期', en: 'Effective on' },
  asOf: { zh: '计分截至', en: 'Scored up to' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等次', en: 'Grade' },
  section: { zh: '考核项目', en: 'Section' },
  item: { zh: '指标', en: 'Indicator' },
  period: { zh: '期间', en: 'Period' },
  points: { zh: '得分', en: 'Points' },
  note: { zh: '说明', en: 'Note' },
  because: { zh: '依据事件', en: 'Events behind it' },
  events_count: { zh: '事件数', en: 'Events' },
  occurredOn: { zh: '发生日期', en: 'Occurred on' },
  recordedAt: { zh: '记录时间', en: 'Recorded at' },
  type: { zh: '事件', en: 'Event' },
  actor: { zh: '操作人', en: 'Actor' },
  content: { zh: '内容', en: 'Content' },
  correlation: { zh: '关联请求', en: 'Correlation' },
  position: { zh: '序号', en: 'Position' },
  id: { zh: '事件编号', en: 'Event ID' },
  noRules: { zh: '该年度尚无生效的考核细则', en: 'No rules in force for the year' },
  notChecked: { zh: '未校验', en: 'not checked' },
  verified: { zh: '校验通过', en: 'verified' },
  failed: { zh: '校验未通过', en: 'verification FAILED' },
} satisfies Record<string, Bilingual>;

const KIND: Record<string, Bilingual> = {
  start: { zh: '基础分', en: 'Start' },
  floor: { zh: '扣完为止', en: 'Floor' },
  ceiling: { zh: '封顶', en: 'Ceiling' },
  cap: { zh: '上限', en: 'Cap' },
};

export const verificationText = (status: VerificationStatus, lang: ExportLang): string =>
  status.ok === null ? T.notChecked[lang] : status.ok ? T.verified[lang] : `${T.failed[lang]}: ${status.detail}`;

/** An event's data in words: each field labelled as the activity log labels it, ids as the names they refer to. */
export const contentOf = (event: RecordedEvent, names: Record<string, string>, lang: ExportLang): string => {
  const value = (field: string, inner: unknown): string => {
    if (inner === null || inner === undefined || inner === '') return '—';
    if (Array.isArray(inner)) return inner.map((item) => value(field, item)).join(lang === 'zh' ? '、' : ', ');
    const kind = ID_FIELDS[field];
    if (kind && typeof inner === 'string') return names[nameKey({ kind, id: inner })] ?? inner;
    if (typeof inner === 'object') return JSON.stringify(inner);
    return String(inner);
  };
  const data = shownData(event.data) as Record<string, unknown> | null;
  return Object.entries(data ?? {})
    .map(([field, inner]) => `${fieldLabel(field)[lang]}${lang === 'zh' ? '：' : ': '}${value(field, inner)}`)
    .join(lang === 'zh' ? '；' : '; ');
};

interface ExplanationRow {
  section: string;
  item: string;
  period: string;
  points: number;
  note: string;
  events: string;
}

const explanationRows = (at: ScoreAt, lang: ExportLang): ExplanationRow[] =>
  (at.score?.sections ?? []).flatMap((section) =>
    section.items.map((item) => ({
      section: section.title[lang],
      item: KIND[item.kind] ? `${KIND[item.kind][lang]} · ${item.title[lang]}` : item.title[lang],
      period: item.period,
      points: item.points,
      note: item.note?.[lang] ?? '',
      events: item.events
        .map((event) => `${eventLabel(event.type)[lang]} ${event.occurredOn} (${event.id})`)
        .join(lang === 'zh' ? '；' : '; '),
    })),
  );

/** An instant as an Excel date in the county's time: Excel has no zones, so the wall clock of Shanghai. */
const excelDate = (instant: string) => new Date(new Date(instant).getTime() + 8 * 3_600_000);
const excelDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The dossier as an .xlsx workbook: summary, explanation, month by month, events; dates as dates. */
export const dossierWorkbook = async (dossier: AuditDossier, lang: ExportLang): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = dossier.exportedBy;
  const header = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const summary = book.addWorksheet(T.summary[lang]);
  summary.columns = [{ width: 18 }, { width: 60 }];
  const { now } = dossier;
  summary.addRows([
    [T.title[lang], ''],
    [T.unit[lang], dossier.unitName ?? dossier.unitId],
    [T.year[lang], dossier.year],
    [T.exportedAt[lang], excelDate(dossier.exportedAt)],
    [T.exportedBy[lang], dossier.exportedBy],
    [T.verification[lang], verificationText(dossier.verification, lang)],
    [T.version[lang], now.version ? `v${now.version.version}` : T.noRules[lang]],
    [T.effectiveOn[lang], now.version ? excelDay(now.version.effectiveOn) : ''],
    [T.asOf[lang], excelDay(now.asOf)],
    [T.total[lang], now.score?.total ?? ''],
    [T.grade[lang], now.score?.grade.name[lang] ?? ''],
    [T.events_count[lang], now.events.length],
  ]);
  summary.getRow(1).font = { bold: true, size: 14 };
  summary.getCell('B4').numFmt = 'yyyy-mm-dd hh:mm:ss';
  summary.getCell('B8').numFmt = 'yyyy-mm-dd';
  summary.getCell('B9').numFmt = 'yyyy-mm-dd';

  const explanation = book.addWorksheet(T.explanation[lang]);
  explanation.columns = [
    { header: T.section[lang], key: 'section', width: 16 },
    { header: T.item[lang], key: 'item', width: 30 },
    { header: T.period[lang], key: 'period', width: 10 },
    { header: T.points[lang], key: 'points', width: 8 },
    { header: T.note[lang], key: 'note', width: 30 },
    { header: T.because[lang], key: 'events', width: 80 },
  ];
  explanation.addRows(explanationRows(now, lang));
  header(explanation);

  const history = book.addWorksheet(T.history[lang]);
  history.columns = [
    { header: T.asOf[lang], key: 'asOf', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { header: T.version[lang], key: 'version', width: 12 },
    { header: T.total[lang], key: 'total', width: 10 },
    { header: T.grade[lang], key: 'grade', width: 12 },
    { header: T.events_count[lang], key: 'events', width: 10 },
  ];
  for (const month of dossier.months)
    history.addRow({
      asOf: excelDay(month.asOf),
      version: month.version ? `v${month.version.version}` : '—',
      total: month.score?.total ?? null,
      grade: month.score?.grade.name[lang] ?? '—',
      events: month.events.length,
    });
  header(history);

  const events = book.addWorksheet(T.events[lang]);
  events.columns = [
    { header: T.position[lang], key: 'position', width: 8 },
    { header: T.occurredOn[lang], key: 'occurredOn', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: T.recordedAt[lang], key: 'recordedAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
    { header: T.type[lang], key: 'type', width: 20 },
    { header: T.actor[lang], key: 'actor', width: 16 },
    { header: T.content[lang], key: 'content', width: 80 },
    { header: T.correlation[lang], key: 'correlation', width: 38 },
    { header: T.id[lang], key: 'id', width: 38 },
  ];
  for (const event of now.events)
    events.addRow({
      position: Number(event.position),
      occurredOn: excelDay(shanghaiDate(event.metadata.occurredAt)),
      recordedAt: excelDate(event.metadata.recordedAt),
      type: eventLabel(event.type)[lang],
      actor: dossier.names[nameKey({ kind: 'user', id: event.metadata.actorId })] ?? event.metadata.actorId,
      content: contentOf(event, dossier.names, lang),
      correlation: event.metadata.correlationId,
      id: event.id,
    });
  header(events);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const table = (headers: string[], rows: unknown[][]) =>
  `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** The dossier as one printable HTML page (A4, tables that break between rows, the county's times). */
export const dossierHtml = (dossier: AuditDossier, lang: ExportLang): string => {
  const { now } = dossier;
  const time = (instant: string) =>
    new Date(instant).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
  const ok = dossier.verification.ok;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<title>${escape(`${T.title[lang]} · ${dossier.unitName ?? dossier.unitId} · ${dossier.year}`)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #111; }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 18pt; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  .status { font-weight: bold; color: ${ok === false ? '#b00' : ok ? '#070' : '#555'}; }
</style></head><body>
<h1>${escape(T.title[lang])}</h1>
${table(
  [T.unit[lang], T.year[lang], T.exportedAt[lang], T.exportedBy[lang]],
  [[dossier.unitName ?? dossier.unitId, dossier.year, time(dossier.exportedAt), dossier.exportedBy]],
)}
<p>${escape(T.verification[lang])}：<span class="status" data-testid="verification">${escape(
    verificationText(dossier.verification, lang),
  )}</span></p>
<p>${escape(T.version[lang])}：${escape(now.version ? `v${now.version.version} (${now.version.effectiveOn})` : T.noRules[lang])}；
${escape(T.asOf[lang])}：${escape(now.asOf)}；${escape(T.total[lang])}：<b>${escape(now.score?.total ?? '—')}</b>；
${escape(T.grade[lang])}：${escape(now.score?.grade.name[lang] ?? '—')}</p>
<h2>${escape(T.explanation[lang])}</h2>
${table(
  [T.section[lang], T.item[lang], T.period[lang], T.points[lang], T.note[lang], T.because[lang]],
  explanationRows(now, lang).map((r) => [r.section, r.item, r.period, r.points, r.note, r.events]),
)}
<h2>${escape(T.history[lang])}</h2>
${table(
  [T.asOf[lang], T.version[lang], T.total[lang], T.grade[lang], T.events_count[lang]],
  dossier.months.map((m) => [
    m.asOf,
    m.version ? `v${m.version.version}` : '—',
    m.score?.total ?? '—',
    m.score?.grade.name[lang] ?? '—',
    m.events.length,
  ]),
)}
<h2>${escape(T.events[lang])}</h2>
${table(
  [
    T.position[lang],
    T.occurredOn[lang],
    T.recordedAt[lang],
    T.type[lang],
    T.actor[lang],
    T.content[lang],
    T.correlation[lang],
  ],
  now.events.map((event) => [
    event.position.toString(),
    shanghaiDate(event.metadata.occurredAt),
    time(event.metadata.recordedAt),
    eventLabel(event.type)[lang],
    dossier.names[nameKey({ kind: 'user', id: event.metadata.actorId })] ?? event.metadata.actorId,
    contentOf(event, dossier.names, lang),
    event.metadata.correlationId,
  ]),
)}
</body></html>`;
};
