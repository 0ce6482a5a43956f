import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { categoryChoices, genderChoices } from './memberChoices';

/** Optional fields left empty are not sent: the API wants them absent or non-empty. */
const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== '' && value !== null && value !== undefined));

export const MemberCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" transform={withoutEmpty}>
    <SimpleForm defaultValues={{ category: 'full', teaches: false }}>
      <TextInput source="name" validate={[required(), maxLength(50)]} />
      <SelectInput source="gender" choices={genderChoices} validate={required()} />
      <DateInput source="birthDate" />
      <ReferenceInput source="orgId" reference="party-organizations" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="unitId" reference="units" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <SelectInput source="category" choices={categoryChoices} validate={required()} />
      <DateInput source="joinedOn" />
      <TextInput source="post" validate={maxLength(50)} />
      <BooleanInput source="teaches" />
    </SimpleForm>
  </Create>
);
