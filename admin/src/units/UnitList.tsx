import {
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectArrayInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { unitExporter } from './exporter';
import { unitTypeChoices } from './unitTypes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="type" source="type" choices={unitTypeChoices} />,
  <TextInput key="district" source="district" />,
];

const UnitListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={10000} />
  </TopToolbar>
);

export const UnitList = () => {
  const translate = useTranslate();
  // Without the right to create, an empty list says "none found" rather than inviting to add one.
  const { canAccess: canCreate } = useCanAccess({ resource: 'units', action: 'create' });
  return (
    <List
      filters={filters}
      actions={<UnitListActions />}
      exporter={unitExporter}
      sort={{ field: 'name', order: 'ASC' }}
      empty={canCreate ? undefined : false}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="type" render={(unit) => translate(`choices.unitType.${unit.type}`, { _: unit.type })} />
        <DataTable.Col source="district" />
        <DataTable.Col source="centralSchool" disableSort />
        <DataTable.Col source="registeredAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
