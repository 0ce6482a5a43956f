import { useState } from 'react';
import {
  Button,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { PickByName } from '../common/PickByName';
import { useCommand } from '../dataProvider/useCommand';
import { today } from '../i18n/dates';
import { typicalCaseStatusChoices } from './choices';
import type { OrgLifeDataProvider } from './dataProvider';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={typicalCaseStatusChoices} alwaysOn />,
  <NumberInput key="conferenceYear" source="conferenceYear" />,
];

/** Typical cases in the user's scope, the latest first. */
export const TypicalCaseList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'typical-cases', action: 'create' });
  return (
    <List
      filters={filters}
      perPage={25}
      sort={{ field: 'submittedOn', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          {canCreate && <CreateButton />}
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" />
        <DataTable.Col source="unitName" disableSort />
        <DataTable.Col source="submittedOn" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={typicalCaseStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="conferenceYear" />
      </DataTable>
    </List>
  );
};

/** A unit's case, sent in through the organisation that covers it. */
export const TypicalCaseCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={{ submittedOn: today() }}>
      <PickByName source="orgId" reference="party-organizations" validate={required()} sx={{ minWidth: 320 }} />
      <PickByName source="unitId" reference="units" validate={required()} sx={{ minWidth: 320 }} />
      <TextInput source="title" validate={[required(), maxLength(100)]} fullWidth />
      <TextInput source="summary" validate={[required(), maxLength(4000)]} multiline fullWidth />
      <DateInput source="submittedOn" validate={required()} />
    </SimpleForm>
  </Create>
);

/** The bureau selects a submitted case for a year's conference. */
const SelectButton = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const [open, setOpen] = useState(false);
  const { canAccess = false } = useCanAccess({ resource: 'typical-cases', action: 'approve' });
  const { mutateAsync } = useCommand(
    (dp: OrgLifeDataProvider, values: { conferenceYear: number; note?: string | null; on: string }) =>
      dp.selectTypicalCase(record!.id, values),
    { success: 'resources.typical-cases.selected' },
  );
  if (!record || record.status !== 'submitted' || !canAccess) return null;
  return (
    <>
      <Button label="resources.typical-cases.select" onClick={() => setOpen(true)} />
      <CommandDialog
        open={open}
        title="resources.typical-cases.select"
        submitLabel="resources.typical-cases.select"
        onClose={() => setOpen(false)}
        record={{ on: today(), conferenceYear: Number(today().slice(0, 4)) }}
        onSubmit={(values) => mutateAsync(values as { conferenceYear: number; note?: string | null; on: string })}
      >
        <NumberInput
          source="conferenceYear"
          label="resources.typical-cases.fields.conferenceYear"
          validate={required()}
        />
        <TextInput source="note" label="resources.typical-cases.fields.note" fullWidth />
        <DateInput source="on" label="resources.typical-cases.fields.on" validate={required()} />
      </CommandDialog>
    </>
  );
};

export const TypicalCaseShow = () => (
  <Show
    actions={
      <TopToolbar>
        <SelectButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="summary" />
      <TextField source="unitName" />
      <TextField source="orgName" />
      <TextField source="submittedOn" />
      <SelectField source="status" choices={typicalCaseStatusChoices} />
      <TextField source="conferenceYear" emptyText="—" />
      <TextField source="note" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
