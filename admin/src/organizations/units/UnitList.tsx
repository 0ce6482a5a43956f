import {
  BooleanInput,
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
import { Typography } from '@mui/material';
import { DateTimeField } from '../../common/DateTimeField';
import { unitExporter } from './exporter';
import { unitTypeChoices } from './unitTypes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="type" source="type" choices={unitTypeChoices} />,
  <TextInput key="district" source="district" />,
  // The API applies these flags whenever present: unticked is sent as no filter (null), not `false`.
  <BooleanInput
    key="needsOwnOrganization"
    source="needsOwnOrganization"
    defaultValue={true}
    parse={(value: boolean) => (value ? true : null)}
  />,
  <BooleanInput
    key="needsCommittee"
    source="needsCommittee"
    defaultValue={true}
    parse={(value: boolean) => (value ? true : null)}
  />,
];

/** B18 flags of a row: a unit that should have its own organisation, or a committee. */
const RosterFlags = ({ unit }: { unit: Record<string, unknown> }) => {
  const translate = useTranslate();
  const flags = [
    unit.needsOwnOrganization && translate('resources.units.needs_own_organization'),
    unit.needsCommittee && translate('resources.units.needs_committee'),
  ].filter(Boolean);
  return flags.length ? (
    <Typography component="span" variant="body2" sx={{ color: 'warning.dark' }}>
      {flags.join('；')}
    </Typography>
  ) : null;
};

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
        <DataTable.Col source="fullMembers" />
        <DataTable.Col
          source="needsOwnOrganization"
          label="resources.units.roster_flags"
          disableSort
          render={(unit) => <RosterFlags unit={unit} />}
        />
        <DataTable.Col source="registeredAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
