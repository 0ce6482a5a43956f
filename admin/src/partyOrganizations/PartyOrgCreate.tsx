import {
  AutocompleteArrayInput,
  Create,
  DateInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { orgKindChoices } from './orgKinds';
import { PickByName } from '../common/PickByName';

/** Only what the API takes: an empty parent is no parent, and the units always a list. */
const transform = (data: Record<string, unknown>) => ({
  name: data.name,
  kind: data.kind,
  ...(data.parentId ? { parentId: data.parentId } : {}),
  unitIds: Array.isArray(data.unitIds) ? data.unitIds : [],
  foundedOn: data.foundedOn,
});

export const PartyOrgCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <SelectInput source="kind" choices={orgKindChoices} validate={required()} />
      <PickByName source="parentId" reference="party-organizations" />
      <ReferenceArrayInput source="unitIds" reference="units" perPage={50} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput optionText="name" filterToQuery={(q) => ({ q })} />
      </ReferenceArrayInput>
      <DateInput source="foundedOn" validate={required()} />
    </SimpleForm>
  </Create>
);
