import { DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { RolesField } from './RolesField';
import { roleChoices, statusChoices } from './roles';
import { StatusField } from './StatusField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];

export const UserList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'username', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" field={RolesField} disableSort />
      <DataTable.Col source="status" field={StatusField} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
