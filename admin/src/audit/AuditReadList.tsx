import { DataTable, DateInput, List, SelectArrayInput, TextInput, useTranslate } from 'react-admin';
import { formatDateTime } from '../i18n/dates';
import { roleLabel } from './activityEvent';

interface AuditRead {
  id: string;
  readAt: string;
  actorId: string;
  actorName: string | null;
  actorRole: string;
  view: string;
  unitId: string;
  unitName: string | null;
  year: number | null;
  query: Record<string, string>;
}

const VIEWS = ['unit', 'timeline', 'score', 'diff', 'export'];

const filters = [
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <SelectArrayInput
    key="view"
    source="view"
    choices={VIEWS.map((id) => ({ id, name: `audit.views.${id}` }))}
    alwaysOn
  />,
  <TextInput key="actorId" source="actorId" />,
];

const Column = DataTable.Col<AuditRead>;

/** Who looked at which unit's audit, when, and what they asked: for the bureau. */
export const AuditReadList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} exporter={false} sort={{ field: 'readAt', order: 'DESC' }}>
      <DataTable<AuditRead> bulkActionButtons={false} rowClick={false}>
        <Column source="readAt" render={(read) => formatDateTime(read.readAt)} />
        <Column
          source="actorId"
          disableSort
          render={(read) => `${read.actorName ?? read.actorId}（${roleLabel(translate, read.actorRole)}）`}
        />
        <Column source="view" disableSort render={(read) => translate(`audit.views.${read.view}`, { _: read.view })} />
        <Column source="unitId" disableSort render={(read) => read.unitName ?? translate('activity.unnamed')} />
        <Column source="year" disableSort />
        <Column
          source="query"
          disableSort
          render={(read) =>
            Object.entries(read.query)
              .map(([key, value]) => `${key}=${value}`)
              .join(' ')
          }
        />
      </DataTable>
    </List>
  );
};
