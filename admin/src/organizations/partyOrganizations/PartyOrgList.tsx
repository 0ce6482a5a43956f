import TreeIcon from '@mui/icons-material/AccountTree';
import {
  Button,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  Link,
  List,
  SearchInput,
  SelectArrayInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ServerExportButtons } from '../../common/ServerExportButtons';
import { TermEndField } from '../../common/TermEndField';
import { KindField } from './KindField';
import { orgKindChoices } from './orgKinds';
import { PickByName } from '../../common/PickByName';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={orgKindChoices} />,
  <PickByName key="parentId" source="parentId" reference="party-organizations" />,
  <DateInput key="termEndsBy" source="termEndsBy" helperText="resources.party-organizations.term_ends_by_help" />,
];

/** The list's way to the tree (a page of its own: `/party-organizations/tree`). */
export const TreeButton = () => (
  <Button label="resources.party-organizations.tree" component={Link} to="/party-organizations/tree">
    <TreeIcon />
  </Button>
);

const PartyOrgListActions = () => (
  <TopToolbar>
    <FilterButton />
    <TreeButton />
    <CreateButton />
    <ServerExportButtons />
  </TopToolbar>
);

export const PartyOrgList = () => {
  const { canAccess: canCreate } = useCanAccess({ resource: 'party-organizations', action: 'create' });
  return (
    <List
      filters={filters}
      actions={<PartyOrgListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      empty={canCreate ? undefined : false}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" field={KindField} />
        <DataTable.Col source="parentId" disableSort render={(org) => org.parentName ?? '—'} />
        <DataTable.Col
          source="unitIds"
          disableSort
          render={(org) => (org.unitIds?.length ? String(org.unitIds.length) : '—')}
        />
        <DataTable.Col source="foundedOn" />
        <DataTable.Col source="termEnd" field={TermEndField} />
      </DataTable>
    </List>
  );
};
