import type { Bilingual } from '../../core/errors.js';
import { listOpenObligations, type PublishedObligations } from '../../core/obligations.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { addDays } from '../../core/time/local-date.js';
import type { NoticeFactKind, NoticeSettings } from '../notices.events.js';

/** Why a unit is suggested, as a fact a draft can carry over as it is (kind, unit, ref, event, words). */
export interface LaggingReason {
  kind: Exclude<NoticeFactKind, 'note'>;
  unitId: string;
  ref: string;
  eventId: string | null;
  text: string;
  label: Bilingual;
  /** For the admin's link: the obligation's or the bulletin's record. */
  link: { resource: string; id: string };
}

export interface LaggingUnit {
  unitId: string;
  unitName: string | null;
  reasons: LaggingReason[];
  /** Notices criticising it that are not closed: the bureau sees what is already under way. */
  openNotices: { id: string; title: string; documentNumber: string | null; status: string }[];
}

interface RankRow {
  period: string;
  stream: string;
  eventId: string;
  unitId: string;
  rank: number;
  total: number;
  gradeId: string;
  flagged: number;
}

const BOTTOM = 3;

/**
 * Lagging units (issue 14 part 4): (a) the bottom three of the latest quarterly bulletin (and any unit it
 * flags), (b) a grade in the bureau's "below the band" list in that bulletin, (c) an obligation of any
 * other feature overdue by more than the bureau's number of days. Each with its facts, ready for a draft.
 */
export const laggingUnits = (
  db: ReadModelDb,
  sources: readonly PublishedObligations[],
  settings: NoticeSettings,
  today: string,
): LaggingUnit[] => {
  const byUnit = new Map<string, LaggingReason[]>();
  const add = (reason: LaggingReason) => byUnit.set(reason.unitId, [...(byUnit.get(reason.unitId) ?? []), reason]);

  const latest = statement(
    db,
    'SELECT period FROM notices_bulletins ORDER BY published_on DESC, position DESC LIMIT 1',
  ).get() as { period: string } | undefined;
  if (latest) {
    const ranks = statement(
      db,
      `SELECT r.period, b.stream, b.event_id AS eventId, r.unit_id AS unitId, r.rank, r.total, r.grade_id AS gradeId,
         r.flagged FROM notices_bulletin_ranks r JOIN notices_bulletins b ON b.period = r.period
       WHERE r.period = ? ORDER BY r.rank`,
    ).all(latest.period) as RankRow[];
    for (const r of ranks) {
      if (r.rank > r.total - BOTTOM || r.flagged) {
        const label = {
          zh: `${r.period} 季通报排名第 ${r.rank}/${r.total}（倒数三名）`,
          en: `Ranked ${r.rank} of ${r.total} in the ${r.period} bulletin (bottom three)`,
        };
        add({
          kind: 'bulletin',
          unitId: r.unitId,
          ref: r.stream,
          eventId: r.eventId,
          text: label.zh,
          label,
          link: { resource: 'bulletins', id: r.stream },
        });
      }
      if (settings.lowGradeIds.includes(r.gradeId)) {
        const label = {
          zh: `${r.period} 考核等次为“${r.gradeId}”，低于设定档次`,
          en: `Graded "${r.gradeId}" in the ${r.period} bulletin, below the band`,
        };
        add({
          kind: 'grade',
          unitId: r.unitId,
          ref: r.stream,
          eventId: r.eventId,
          text: label.zh,
          label,
          link: { resource: 'bulletins', id: r.stream },
        });
      }
    }
  }

  // Overdue by more than `overdueDays`: due before today minus that many days. Notices' own obligations
  // (acknowledging, rectifying) are left out: a late rectification is followed up by the notice itself.
  const cutoff = addDays(today, -settings.overdueDays);
  const { rows } = listOpenObligations(
    db,
    sources.filter((s) => s.feature !== 'notices'),
    {
      where: 'WHERE o.due_on < ? AND o.unit_id IS NOT NULL',
      params: [cutoff],
      orderBy: 'o.due_on ASC',
      offset: 0,
      limit: 1000,
    },
    today,
  );
  for (const o of rows) {
    const label = {
      zh: `${o.code} ${o.title.zh}：${o.dueOn} 到期，已逾期`,
      en: `${o.code} ${o.title.en}: due ${o.dueOn}, overdue`,
    };
    add({
      kind: 'obligation',
      unitId: o.unitId!,
      ref: o.id,
      eventId: null,
      text: label.zh,
      label,
      link: { resource: 'obligations', id: o.id },
    });
  }

  const ids = [...byUnit.keys()];
  const names = new Map(
    (
      statement(db, 'SELECT id, name FROM notices_units WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(ids),
      ) as { id: string; name: string }[]
    ).map((u) => [u.id, u.name]),
  );
  const open = statement(
    db,
    `SELECT n.id, n.title, n.document_number AS documentNumber, n.status FROM notices n
     WHERE n.status <> 'closed' AND EXISTS (SELECT 1 FROM json_each(n.unit_ids) j WHERE j.value = ?)`,
  );
  return ids
    .map((unitId) => ({
      unitId,
      unitName: names.get(unitId) ?? null,
      reasons: byUnit.get(unitId)!,
      openNotices: open.all(unitId) as LaggingUnit['openNotices'],
    }))
    .sort((a, b) => b.reasons.length - a.reasons.length || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh'));
};
