import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';

/** The 两优一先 cycles, latest year first. */
export const CycleList = () => (
  <List
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
    exporter={false}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="year" />
      <DataTable.Col source="name" />
      <DataTable.Col source="nominationsDueOn" disableSort />
      <DataTable.Col source="decisionDueOn" disableSort />
      <DataTable.Col source="nominations" disableSort />
      <DataTable.Col source="decidedOn" disableSort />
    </DataTable>
  </List>
);
