import { useQuery } from '@tanstack/react-query';
import {
  ArrayInput,
  AutocompleteArrayInput,
  Create,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
} from 'react-admin';
import type { NoticesDataProvider } from './dataProvider';

const KINDS = ['bulletin', 'grade', 'obligation', 'note'].map((id) => ({ id, name: `choices.noticeFactKind.${id}` }));

/**
 * The bureau drafts a notice: the units it criticises, why, and the facts it rests on (carried over from
 * the lagging-unit suggestions with their links, or typed).
 */
export const NoticeCreate = () => {
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const { data: units = [] } = useQuery({
    queryKey: ['criticism-notices', 'units'],
    queryFn: () => dataProvider.getNoticeUnits().then(({ data }) => data),
  });
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ facts: [{ kind: 'note' }] }}>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="reason" validate={required()} fullWidth multiline />
        <AutocompleteArrayInput source="unitIds" choices={units} validate={required()} fullWidth />
        <ArrayInput source="facts" validate={required()}>
          <SimpleFormIterator disableReordering fullWidth>
            <SelectInput source="kind" choices={KINDS} validate={required()} />
            <SelectInput source="unitId" choices={units} emptyText="—" />
            <TextInput source="ref" />
            <TextInput source="text" validate={required()} fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="body" multiline fullWidth minRows={4} />
      </SimpleForm>
    </Create>
  );
};
