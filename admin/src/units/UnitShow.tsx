import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useLoadError } from '../common/useLoadError';
import { unitTypeChoices } from './unitTypes';

const UnitShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const UnitShow = () => {
  const onError = useLoadError();
  return (
    <Show actions={<UnitShowActions />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="type" choices={unitTypeChoices} />
        <TextField source="district" emptyText="—" />
        <TextField source="centralSchool" emptyText="—" />
        <DateTimeField source="registeredAt" />
        <DateTimeField source="updatedAt" />
        <TextField source="revision" />
      </SimpleShowLayout>
    </Show>
  );
};
