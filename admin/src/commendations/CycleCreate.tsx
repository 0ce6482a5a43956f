import { Create, DateInput, NumberInput, required, SimpleForm, TextInput } from 'react-admin';

/** Opens a cycle: year, quotas per title, due dates, publicity length. */
export const CycleCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm
      defaultValues={{
        publicityWorkingDays: 5,
        quotas: { outstanding_member: 60, outstanding_party_worker: 20, advanced_party_org: 10 },
      }}
    >
      <NumberInput source="year" validate={required()} />
      <TextInput source="name" validate={required()} />
      <NumberInput source="quotas.outstanding_member" validate={required()} />
      <NumberInput source="quotas.outstanding_party_worker" validate={required()} />
      <NumberInput source="quotas.advanced_party_org" validate={required()} />
      <DateInput source="openedOn" validate={required()} />
      <DateInput source="nominationsDueOn" validate={required()} />
      <DateInput source="decisionDueOn" validate={required()} />
      <NumberInput source="publicityWorkingDays" validate={required()} />
    </SimpleForm>
  </Create>
);
