import { DataTable, List, SelectArrayInput, TextInput, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { zh } from '../i18n/zh';
import { eventLabel, roleLabel } from './eventLabel';

const eventChoices = Object.keys(zh.choices.event).map((id) => ({ id, name: `choices.event.${id}` }));

const filters = [
  <SelectArrayInput key="type" source="type" choices={eventChoices} alwaysOn />,
  <TextInput key="actorId" source="actorId" alwaysOn />,
];

export const ActivityList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} exporter={false} sort={{ field: 'position', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="position" />
        <DataTable.Col source="occurredAt" field={DateTimeField} />
        <DataTable.Col source="type" render={(event) => eventLabel(translate, event.type)} />
        <DataTable.Col source="actorId" disableSort />
        <DataTable.Col source="actorRole" disableSort render={(event) => roleLabel(translate, event.actorRole)} />
        <DataTable.Col source="stream" disableSort />
      </DataTable>
    </List>
  );
};
