import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  CreateButton,
  DataTable,
  FilterButton,
  Link,
  List,
  DateInput,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { ServerExportButtons } from '../../common/ServerExportButtons';
import { categoryChoices, memberStatusChoices } from './memberChoices';
import { CategoryField, MemberStatusField } from './MemberFields';
import { PickByName } from '../../common/PickByName';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <PickByName key="orgId" source="orgId" reference="party-organizations" alwaysOn sx={{ minWidth: 260 }} />,
  <PickByName key="unitId" source="unitId" reference="units" sx={{ minWidth: 220 }} />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  <SelectInput key="status" source="status" choices={memberStatusChoices} />,
  <NullableBooleanInput key="teaches" source="teaches" />,
  <DateInput key="conversionDueBefore" source="conversionDueBefore" />,
];

/** The import wizard is a page of its own: `/members/import`. */
const ImportButton = () => (
  <Button label="resources.members.import.title" component={Link} to="/members/import">
    <UploadIcon />
  </Button>
);

const MemberListActions = ({ canCreate }: { canCreate: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {canCreate && <ImportButton />}
    {canCreate && <CreateButton />}
    <ServerExportButtons />
  </TopToolbar>
);

/** Members of every organisation the user covers: the server narrows a secretary's list to their own. */
export const MemberList = () => {
  const translate = useTranslate();
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'members', action: 'create' });
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'active' }}
      perPage={25}
      actions={<MemberListActions canCreate={canCreate} />}
      sort={{ field: 'name', order: 'ASC' }}
      empty={canCreate ? undefined : false}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col
          source="gender"
          disableSort
          render={(member) => translate(`choices.gender.${member.gender}`, { _: member.gender })}
        />
        <DataTable.Col source="orgName" />
        <DataTable.Col source="unitName" />
        <DataTable.Col source="category" field={CategoryField} />
        <DataTable.Col source="joinedOn" />
        <DataTable.Col source="post" disableSort />
        <DataTable.Col
          source="teaches"
          disableSort
          render={(member) => translate(member.teaches ? 'ra.boolean.true' : 'ra.boolean.false')}
        />
        <DataTable.Col source="status" disableSort field={MemberStatusField} />
      </DataTable>
    </List>
  );
};
