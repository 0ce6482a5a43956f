import { Create, DateInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { today } from '../i18n/dates';
import { genderChoices } from '../organizations/members/memberChoices';
import { useDevelopmentCatalogue } from './catalogue';
import { RecordsInput } from './records';
import { withoutEmpty } from './stepForms';
import { PickByName } from '../common/PickByName';

/** Step 1, 递交入党申请书: opens a case (POST /api/development/cases), with its records (the letter). */
export const DevelopmentCreate = () => {
  const { data: catalogue } = useDevelopmentCatalogue();
  return (
    <Create
      redirect="show"
      mutationMode="pessimistic"
      title="resources.development.apply"
      transform={(values: Record<string, unknown>) => withoutEmpty(values)}
    >
      <SimpleForm defaultValues={{ on: today() }}>
        <TextInput source="name" validate={[required(), maxLength(50)]} />
        <SelectInput source="gender" choices={genderChoices} validate={required()} />
        <DateInput source="birthDate" validate={required()} />
        <PickByName source="orgId" reference="party-organizations" validate={required()} />
        <PickByName source="unitId" reference="units" validate={required()} />
        <DateInput source="on" label="resources.development.fields.appliedOn" validate={required()} />
        <RecordsInput command={catalogue?.steps[0]} />
      </SimpleForm>
    </Create>
  );
};
