import { Box, Link, Typography } from '@mui/material';
import { useId, useState } from 'react';
import {
  ArrayInput,
  Button,
  DateInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import { formatDateTime } from '../i18n/dates';
import { useServerText, type Bilingual } from '../i18n/i18nProvider';
import type { CaseRecord, CatalogueCommand, DevelopmentCaseRow } from './catalogue';
import { withoutEmpty } from './stepForms';
import type { DevelopmentDataProvider } from './dataProvider';

/** At most this many records on one step (the API's limit). */
const MAX_RECORDS = 20;

/**
 * The document's title, with the step's expected records (GET /api/development/catalogue) offered
 * through a datalist: pick one or type any other title, as local forms vary.
 */
const RecordTitleInput = ({ suggestions, source = 'title' }: { suggestions: Bilingual[]; source?: string }) => {
  const text = useServerText();
  const list = `record-titles-${useId().replace(/:/g, '')}`;
  return (
    <>
      <TextInput
        source={source}
        label="resources.development.record_fields.title"
        validate={[required(), maxLength(100)]}
        slotProps={{ htmlInput: { list, autoComplete: 'off' } }}
      />
      <datalist id={list}>
        {suggestions.map((title) => (
          <option key={title.zh} value={text(title)} />
        ))}
      </datalist>
    </>
  );
};

const ReferenceAndDate = () => (
  <>
    <TextInput source="reference" label="resources.development.record_fields.reference" validate={maxLength(200)} />
    <DateInput source="on" label="resources.development.record_fields.on" />
  </>
);

const maxRecords = (value: unknown) =>
  Array.isArray(value) && value.length > MAX_RECORDS ? 'resources.development.too_many_records' : undefined;

/** The optional records sub-form of a step's dialog (and of the application). */
export const RecordsInput = ({ command }: { command?: Pick<CatalogueCommand, 'records'> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 1 }} data-testid="development-records-input">
      <Typography variant="body2" color="text.secondary">
        {translate('resources.development.records_help')}
      </Typography>
      <ArrayInput source="records" label="resources.development.fields.records" validate={maxRecords}>
        <SimpleFormIterator disableReordering fullWidth>
          <RecordTitleInput suggestions={command?.records ?? []} />
          <ReferenceAndDate />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

const isLink = (reference: string) => /^https?:\/\//i.test(reference);

/** The records of one step on the case page: title, where it is kept, its date; who recorded it on hover. */
export const StepRecords = ({ records, stepKey }: { records: CaseRecord[] | undefined; stepKey: string }) => {
  const translate = useTranslate();
  if (!records?.length) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid={`development-records-${stepKey}`}>
      {records.map((record, index) => (
        <Typography
          component="li"
          variant="caption"
          key={`${record.eventId}-${index}`}
          sx={{ display: 'list-item' }}
          title={translate('resources.development.recorded_by', {
            who: record.recordedBy,
            at: formatDateTime(record.recordedAt),
          })}
        >
          {record.title}
          {record.reference ? (
            <>
              {' · '}
              {isLink(record.reference) ? (
                <Link href={record.reference} target="_blank" rel="noopener noreferrer">
                  {record.reference}
                </Link>
              ) : (
                record.reference
              )}
            </>
          ) : null}
          {record.on ? ` · ${record.on}` : ''}
        </Typography>
      ))}
    </Box>
  );
};

/** 补充材料: a record for a done step, for the roles that may send that step (the case's `attachable`). */
export const AttachRecordButton = ({ record, step }: { record: DevelopmentCaseRow; step: CatalogueCommand }) => {
  const translate = useTranslate();
  const text = useServerText();
  const [open, setOpen] = useState(false);
  const send = useCommand<DevelopmentDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.attachDevelopmentRecord(record.id, { ...withoutEmpty(values), step: step.key }),
    { success: (values) => ['resources.development.record_attached', { title: String(values.title ?? '') }] },
  );
  return (
    <>
      <Button
        size="small"
        label="resources.development.attach_record"
        onClick={() => setOpen(true)}
        data-testid={`development-attach-${step.key}`}
        sx={{ minWidth: 0, px: 0.5 }}
      />
      <CommandDialog
        open={open}
        title={translate('resources.development.attach_title', { step: text(step) })}
        submitLabel="resources.development.attach_record"
        onClose={() => setOpen(false)}
        onSubmit={(values) => send.mutateAsync(values)}
      >
        <Typography variant="body2" gutterBottom>
          {translate('resources.development.attach_help', { n: step.number ?? '', name: record.name })}
        </Typography>
        <RecordTitleInput suggestions={step.records} />
        <ReferenceAndDate />
      </CommandDialog>
    </>
  );
};
