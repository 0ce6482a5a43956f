import { Create, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { unitTypeChoices } from './unitTypes';

/** Optional fields left empty are not sent: the API wants them absent or non-empty. */
const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== '' && value !== null && value !== undefined));

export const UnitCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" transform={withoutEmpty}>
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <SelectInput source="type" choices={unitTypeChoices} validate={required()} />
      <TextInput source="district" validate={maxLength(50)} />
      <TextInput source="centralSchool" validate={maxLength(100)} />
    </SimpleForm>
  </Create>
);
