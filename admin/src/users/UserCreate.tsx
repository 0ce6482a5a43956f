import { Create, PasswordInput, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';
import { passwordRule } from '../common/validation';
import { scopeFor } from './roles';
import { RoleAndScopeInputs } from './ScopeInputs';

const transform = (data: Record<string, unknown>) => ({
  username: data.username,
  displayName: data.displayName,
  password: data.password,
  ...scopeFor(data),
});

export const UserCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" transform={transform}>
    <SimpleForm>
      <TextInput
        source="username"
        validate={[required(), regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, 'validation.username_rule')]}
        helperText={false}
      />
      <TextInput source="displayName" validate={[required(), maxLength(50)]} />
      <PasswordInput source="password" validate={[required(), passwordRule]} />
      <RoleAndScopeInputs />
    </SimpleForm>
  </Create>
);
