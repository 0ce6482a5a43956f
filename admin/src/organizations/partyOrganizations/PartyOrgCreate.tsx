import {
  AutocompleteArrayInput,
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { orgKindChoices } from './orgKinds';
import { PickByName } from '../../common/PickByName';

/** Only what the API takes: an empty parent is no parent, and the units always a list. */
const transform = (data: Record<string, unknown>) => ({
  name: data.name,
  kind: data.kind,
  ...(data.parentId ? { parentId: data.parentId } : {}),
  unitIds: Array.isArray(data.unitIds) ? data.unitIds : [],
  foundedOn: data.foundedOn,
  // Only a basic-level Party committee may approve new members: no other kind sends the mark.
  ...(data.kind === 'basic_party_committee' ? { approvalAuthority: data.approvalAuthority === true } : {}),
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
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'basic_party_committee' && (
            <BooleanInput
              source="approvalAuthority"
              helperText="resources.party-organizations.approval_authority_help"
            />
          )
        }
      </FormDataConsumer>
    </SimpleForm>
  </Create>
);
