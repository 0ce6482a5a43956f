import type { Exporter } from 'react-admin';
import { downloadCsvWithBom } from '../../common/csv';
import { formatDateTime, today } from '../../i18n/dates';
import { translate } from '../../i18n/i18nProvider';

const COLUMNS = ['name', 'type', 'district', 'centralSchool', 'registeredAt', 'updatedAt'] as const;

/** Units as CSV, headers and types in the user's language, dates as shown on screen. */
export const unitExporter: Exporter = (units) => {
  const header = COLUMNS.map((field) => translate(`resources.units.fields.${field}`));
  const rows = units.map((unit) =>
    COLUMNS.map((field) => {
      const value = unit[field];
      if (field === 'type') return translate(`choices.unitType.${value}`, { _: String(value) });
      if (field === 'registeredAt' || field === 'updatedAt') return formatDateTime(value);
      return value;
    }),
  );
  // Named like the server's exports: the day in the county (Asia/Shanghai), whatever the browser's zone.
  downloadCsvWithBom(`${translate('resources.units.name', { smart_count: 2 })}-${today()}`, header, rows);
};
