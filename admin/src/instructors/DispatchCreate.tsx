import { AutocompleteInput, Create, DateInput, required, SimpleForm, TextInput } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../dataProvider/command';
import { PickByName } from '../common/PickByName';

/** The bureau dispatches an instructor (a user holding the role) to a unit from a day. */
export const DispatchCreate = () => {
  const { data: people = [] } = useQuery({
    queryKey: ['instructor-dispatches', 'people'],
    queryFn: () => getJson<{ id: string; displayName: string }[]>('/instructors/people').then((r) => r.data),
  });
  return (
    <Create redirect="list">
      <SimpleForm>
        <AutocompleteInput
          source="instructorId"
          choices={people.map((p) => ({ id: p.id, name: `${p.displayName}（${p.id}）` }))}
          validate={required()}
        />
        <PickByName source="unitId" reference="units" validate={required()} />
        <DateInput source="startOn" validate={required()} />
        <DateInput source="endOn" />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};
