import { Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Button,
  DateInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import { today } from '../i18n/dates';
import { useServerText } from '../i18n/i18nProvider';
import type { CatalogueCommand, DevelopmentCaseRow } from './catalogue';
import { RecordsInput } from './records';
import { STEP_FORMS, withoutEmpty, type StepField } from './stepForms';
import { PickByName } from '../common/PickByName';
import type { DevelopmentDataProvider } from './dataProvider';

const maxItems =
  (max: number): Validator =>
  (value: unknown) =>
    Array.isArray(value) && value.length > max ? 'resources.development.too_many' : undefined;

/** One input of a step's dialog; `unitId` is the case's unit (an organisation offered must cover it). */
const StepInput = ({ field, unitId }: { field: StepField; unitId: string }) => {
  const label = `resources.development.fields.${field.label ?? field.source}`;
  const helperText = field.helper ? `resources.development.${field.helper}` : undefined;
  const validate = field.optional ? undefined : required();
  switch (field.kind) {
    case 'date':
      return <DateInput source={field.source} label={label} validate={validate} />;
    case 'number':
      return (
        <NumberInput source={field.source} label={label} helperText={helperText} validate={validate} min={0} step={1} />
      );
    case 'select':
      return (
        <SelectInput
          source={field.source}
          label={label}
          validate={validate}
          choices={(field.choices ?? []).map((id) => ({
            id,
            name: `choices.development.${field.source}.${id}`,
          }))}
        />
      );
    case 'members':
      return (
        <ReferenceArrayInput source={field.source} reference="members" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput
            label={label}
            optionText="name"
            filterToQuery={(q) => ({ q, status: 'active' })}
            validate={[required(), maxItems(field.max ?? 2)]}
          />
        </ReferenceArrayInput>
      );
    case 'organization':
      return (
        <PickByName
          source={field.source}
          reference="party-organizations"
          filter={{ unitId }}
          label={label}
          helperText={helperText}
          validate={validate}
        />
      );
    case 'multiline':
      return (
        <TextInput
          source={field.source}
          label={label}
          validate={field.optional ? maxLength(2000) : [required(), maxLength(4000)]}
          multiline
          minRows={2}
        />
      );
    default:
      return (
        <TextInput source={field.source} label={label} validate={[...(validate ? [validate] : []), maxLength(100)]} />
      );
  }
};

const onlyTheDate: StepField[] = [{ source: 'on', kind: 'date' }];

/** One command the case allows now, in a dialog: a refusal shows the server's message under its field. */
export const StepButton = ({ record, command }: { record: DevelopmentCaseRow; command: CatalogueCommand }) => {
  const translate = useTranslate();
  const text = useServerText();
  const [open, setOpen] = useState(false);
  // The title comes from the API in both languages; react-admin would try to translate it as a key.
  const label = text(command);
  const send = useCommand<DevelopmentDataProvider, Record<string, unknown>>(
    (dataProvider, values) => dataProvider.developmentStep(record.id, command.path, withoutEmpty(values)),
    { success: () => ['resources.development.step_done', { step: label }] },
  );
  return (
    <>
      <Button label={label} variant="outlined" onClick={() => setOpen(true)} />
      <CommandDialog
        open={open}
        title={label}
        submitLabel="resources.development.record"
        onClose={() => setOpen(false)}
        onSubmit={(values) => send.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('resources.development.step_help', { name: record.name })}
        </Typography>
        {(STEP_FORMS[command.key] ?? onlyTheDate).map((field) => (
          <StepInput key={field.source} field={field} unitId={record.unitId} />
        ))}
        <RecordsInput command={command} />
      </CommandDialog>
    </>
  );
};
