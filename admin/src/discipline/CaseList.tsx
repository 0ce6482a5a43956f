import { CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Discipline cases, newest first (bureau and auditors only). */
export const CaseList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" render={(c) => translate(`discipline.kind.${c.kind}`)} />
        <DataTable.Col source="unitName" disableSort />
        <DataTable.Col source="openedOn" />
        <DataTable.Col source="sanctions" disableSort />
        <DataTable.Col source="closedOn" />
      </DataTable>
    </List>
  );
};
