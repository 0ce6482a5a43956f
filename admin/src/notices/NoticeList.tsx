import SuggestIcon from '@mui/icons-material/TrendingDown';
import {
  Button,
  CreateButton,
  DataTable,
  DateField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { NoticeStatusField, ProgressField, UnitNamesField } from './NoticeFields';

const STATUSES = ['draft', 'submitted', 'approved', 'issued', 'circulated', 'closed'].map((id) => ({
  id,
  name: `choices.noticeStatus.${id}`,
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUSES} alwaysOn />,
];

/** Every notice in the user's reach (a secretary: those circulated to its units), the latest change first. */
export const NoticeList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'criticism-notices', action: 'create' });
  const { canAccess: canSuggest = false } = useCanAccess({ resource: 'notice-suggestions', action: 'list' });
  return (
    <List
      filters={filters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      empty={false}
      actions={
        <TopToolbar>
          {canSuggest && (
            <Button component={Link} to="/criticism-notices/suggestions" label="notices.suggestions.open">
              <SuggestIcon />
            </Button>
          )}
          {canCreate && <CreateButton />}
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="documentNumber" />
        <DataTable.Col source="title" />
        <DataTable.Col source="unitNames" field={UnitNamesField} />
        <DataTable.Col source="status" field={NoticeStatusField} />
        <DataTable.Col source="issuedOn" />
        <DataTable.Col source="progress" field={ProgressField} disableSort />
        <DataTable.Col source="updatedAt" field={DateField} />
      </DataTable>
    </List>
  );
};
