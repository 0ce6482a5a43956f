import { useQueryClient } from '@tanstack/react-query';
import {
  Edit,
  Labeled,
  SaveButton,
  SelectField,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useRecordContext,
  useRedirect,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { Typography } from '@mui/material';
import { useLoadError } from '../../common/useLoadError';
import { useCommand } from '../../dataProvider/useCommand';
import { unitTypeChoices } from './unitTypes';
import type { OrganizationsDataProvider } from '../dataProvider';

interface RenameVariables {
  id: string;
  name: string;
  expectedRevision: number;
}

/** The edit screen renames: the API has no PUT, only the RenameUnit command with the revision the user saw. */
const RenameForm = () => {
  const unit = useRecordContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const rename = useCommand<OrganizationsDataProvider, RenameVariables>(
    (dataProvider, { id, name, expectedRevision }) => dataProvider.renameUnit(id, { name, expectedRevision }),
    {
      success: ({ name }) => ['resources.units.renamed', { name }],
      onSuccess: (_receipt, { id }) => {
        queryClient.invalidateQueries({ queryKey: ['units'] });
        redirect('show', 'units', id);
      },
    },
  );
  if (!unit) return null;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await rename.mutateAsync({ id: String(unit.id), name: String(values.name), expectedRevision: unit.revision });
    } catch (error) {
      return (error as HttpError).body?.errors;
    }
  };
  return (
    <SimpleForm
      onSubmit={submit}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <Typography variant="body2" color="text.secondary">
        {translate('resources.units.rename_help')}
      </Typography>
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <Labeled>
        <SelectField source="type" choices={unitTypeChoices} />
      </Labeled>
    </SimpleForm>
  );
};

export const UnitEdit = () => {
  const onError = useLoadError();
  return (
    <Edit mutationMode="pessimistic" queryOptions={{ onError }}>
      <RenameForm />
    </Edit>
  );
};
