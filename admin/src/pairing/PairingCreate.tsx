import { ArrayInput, Create, DateInput, NumberInput, required, SimpleForm, SimpleFormIterator } from 'react-admin';
import { PickByName } from '../common/PickByName';

/** The bureau pairs a public school with the private school(s) it helps, for a term of years. */
export const PairingCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ termYears: 3, helpedUnitIds: [''] }}>
      <PickByName source="helperUnitId" reference="units" filter={{ type: 'public_school' }} validate={required()} />
      <ArrayInput source="helpedUnitIds" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <PickByName source="" reference="units" filter={{ type: 'private_school' }} validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
      <DateInput source="startOn" validate={required()} />
      <NumberInput source="termYears" min={1} max={5} validate={required()} />
    </SimpleForm>
  </Create>
);
