import GridIcon from '@mui/icons-material/CalendarMonth';
import {
  BooleanField,
  Button,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  Link,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { PickByName } from '../common/PickByName';
import { ServerExportButtons } from '../common/ServerExportButtons';
import { meetingKindChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={meetingKindChoices} alwaysOn />,
  <PickByName key="orgId" source="orgId" reference="party-organizations" alwaysOn sx={{ minWidth: 260 }} />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

/** The month grid is a page of its own: `/organizational-life/grid`. */
const GridButton = () => (
  <Button label="resources.orglife-branches.grid" component={Link} to="/organizational-life/grid">
    <GridIcon />
  </Button>
);

const ListActions = ({ canCreate }: { canCreate: boolean }) => (
  <TopToolbar>
    <FilterButton />
    <GridButton />
    <ServerExportButtons />
    {canCreate && <CreateButton label="resources.organizational-life.record" />}
  </TopToolbar>
);

/** Meetings in the user's scope, the latest first. */
export const MeetingList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'organizational-life', action: 'create' });
  return (
    <List
      filters={filters}
      perPage={25}
      actions={<ListActions canCreate={canCreate} />}
      sort={{ field: 'heldOn', order: 'DESC' }}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="heldOn" />
        <DataTable.Col source="orgName" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={meetingKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="topic" />
        <DataTable.NumberCol source="presentCount" disableSort />
        <DataTable.NumberCol source="absentWithLeaveCount" disableSort />
        <DataTable.NumberCol source="absentCount" disableSort />
        <DataTable.Col source="counts" disableSort>
          <BooleanField source="counts" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
