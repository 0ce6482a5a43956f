import { EndDispatchButton } from './EndDispatchButton';
import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  List,
  SearchInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Dispatches in the user's reach, the latest first. */
export const DispatchList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'instructor-dispatches', action: 'create' });
  return (
    <List
      filters={filters}
      actions={<TopToolbar>{canCreate && <CreateButton label="instructors.dispatch.create" />}</TopToolbar>}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="instructorName" />
        <DataTable.Col source="unitName" />
        <DataTable.Col source="startOn" field={DateField} />
        <DataTable.Col source="endOn" field={DateField} />
        <DataTable.Col source="ended" field={BooleanField} />
        <DataTable.NumberCol source="visits" />
        <DataTable.Col source="lastVisitOn" field={DateField} />
        {canCreate && (
          <DataTable.Col label={false}>
            <EndDispatchButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};
