import { DataTable, List, TextInput } from 'react-admin';

const filters = [<TextInput key="q" source="q" alwaysOn />];

/** The units the log knows, by name: an auditor picks one to open its audit page. */
export const AuditUnitList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick={(id) => `/audit-units/${encodeURIComponent(String(id))}/show`}>
      <DataTable.Col source="name" />
    </DataTable>
  </List>
);
