import { BooleanInput, Create, DateInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { categoryChoices, genderChoices } from './memberChoices';
import { PickByName } from '../../common/PickByName';

/** Optional fields left empty are not sent: the API wants them absent or non-empty. */
const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== '' && value !== null && value !== undefined));

export const MemberCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" transform={withoutEmpty}>
    <SimpleForm defaultValues={{ category: 'full', teaches: false }}>
      <TextInput source="name" validate={[required(), maxLength(50)]} />
      <SelectInput source="gender" choices={genderChoices} validate={required()} />
      <DateInput source="birthDate" />
      <PickByName source="orgId" reference="party-organizations" validate={required()} />
      <PickByName source="unitId" reference="units" validate={required()} />
      <SelectInput source="category" choices={categoryChoices} validate={required()} />
      <DateInput source="joinedOn" />
      <TextInput source="post" validate={maxLength(50)} />
      <BooleanInput source="teaches" />
    </SimpleForm>
  </Create>
);
