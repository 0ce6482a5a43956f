import type { ObligationSource } from '../core/obligations.js';
import { CATALOGUE } from './obligation-catalogue.js';
import { OBLIGATION_ROWS } from './projections/development-obligations.projection.js';

/** The open deadlines of development cases (domain.md §12 A1–A23), from the `development_obligations` read model. */
export const developmentObligations: ObligationSource = {
  codes: CATALOGUE.map(({ code, zh, en, who }) => ({ code, title: { zh, en }, who })),
  openSql: `SELECT b.id, b.code, b.title_zh, b.title_en, 'person' AS subject_kind, b.case_id AS subject_id,
      c.name AS subject_name, b.unit_id, b.org_id, b.due_on, b.not_before, b.who, b.opened_on
    FROM ${OBLIGATION_ROWS} WHERE b.closed_on IS NULL`,
};
