import type { Exporter } from 'react-admin';
import { downloadCsvWithBom } from '../common/csv';
import { translate } from '../i18n/i18nProvider';

const COLUMNS = ['orgName', 'memberName', 'title', 'crossAppointment', 'from', 'to'] as const;

/** Position holders as CSV with a BOM (the API has no export for them), in the user's language. */
export const positionExporter: Exporter = (positions) => {
  const header = COLUMNS.map((field) => translate(`resources.positions.fields.${field}`));
  const rows = positions.map((position) =>
    COLUMNS.map((field) =>
      field === 'title' ? translate(`choices.positionTitle.${position.title}`, { _: position.title }) : position[field],
    ),
  );
  downloadCsvWithBom(translate('resources.positions.name', { smart_count: 2 }), header, rows);
};
