import {
  AutocompleteArrayInput,
  FormDataConsumer,
  ReferenceArrayInput,
  SelectInput,
  TextInput,
  required,
} from 'react-admin';
import { roleChoices } from './roles';

/** Role, then the scope it needs: a secretary's organisations or an instructor's units. */
export const RoleAndScopeInputs = () => (
  <>
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.role === 'secretary' ? (
          <TextInput
            source="orgIds"
            multiline
            minRows={2}
            validate={required()}
            helperText="resources.users.org_ids_help"
          />
        ) : formData.role === 'instructor' ? (
          <ReferenceArrayInput source="unitIds" reference="units" perPage={50} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteArrayInput optionText="name" validate={required()} filterToQuery={(q) => ({ q })} />
          </ReferenceArrayInput>
        ) : null
      }
    </FormDataConsumer>
  </>
);
