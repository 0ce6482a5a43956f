import {
  BooleanInput,
  Create,
  DateInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { PickByName } from '../common/PickByName';

/** Opens a case about a member (or a non-member teacher by name and unit). */
export const CaseCreate = () => {
  const translate = useTranslate();
  const kinds = ['misconduct', 'teacher_ethics_violation'].map((id) => ({
    id,
    name: translate(`discipline.kind.${id}`),
  }));
  return (
    <Create redirect="show" mutationMode="pessimistic">
      <SimpleForm defaultValues={{ kind: 'misconduct', manager: false }}>
        <SelectInput source="kind" choices={kinds} validate={required()} />
        <PickByName source="memberId" reference="members" />
        <TextInput source="personName" />
        <PickByName source="unitId" reference="units" />
        <BooleanInput source="manager" />
        <DateInput source="openedOn" validate={required()} />
        <TextInput source="summary" multiline validate={required()} />
      </SimpleForm>
    </Create>
  );
};
