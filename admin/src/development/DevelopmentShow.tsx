import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useLoadError } from '../common/useLoadError';
import { CaseObligations } from './CaseObligations';
import { CaseStepper } from './CaseStepper';
import { CaseStatusField, CurrentStepField, NextObligationField, StageField } from './DevelopmentFields';
import { StepButton } from './StepButton';
import { commandsFor, useDevelopmentCatalogue, type DevelopmentCaseRow } from './catalogue';

/**
 * Buttons for only what the case allows next: the server's `nextSteps`, already filtered by the
 * user's role (the same order checks its deciders make). Hidden for roles without development:edit.
 */
const NextSteps = ({ manage }: { manage: boolean }) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  const { data: catalogue } = useDevelopmentCatalogue();
  if (!record || !manage || !catalogue) return null;
  const commands = commandsFor(catalogue, record.nextSteps ?? []);
  return (
    <Box sx={{ mb: 2 }} data-testid="development-next-steps">
      <Typography variant="subtitle2" gutterBottom>
        {translate('resources.development.next_steps')}
      </Typography>
      {commands.length ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {commands.map((command) => (
            <StepButton key={command.key} record={record} command={command} />
          ))}
        </Stack>
      ) : (
        <Alert severity="info">{translate('resources.development.no_next_step')}</Alert>
      )}
    </Box>
  );
};

const Progress = ({ manage }: { manage: boolean }) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  if (!record) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <NextSteps manage={manage} />
      <CaseStepper record={record} />
    </Box>
  );
};

export const DevelopmentShow = () => {
  const onError = useLoadError();
  const { canAccess: manage = false } = useCanAccess({ resource: 'development', action: 'edit' });
  return (
    <Show actions={<TopToolbar />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="orgId" reference="party-organizations" />
        <ReferenceField source="unitId" reference="units" />
        <CaseStatusField source="status" />
        <StageField source="stage" />
        <CurrentStepField source="step" />
        <NextObligationField source="nextObligation" />
        <Labeled label="resources.development.obligations" fullWidth>
          <CaseObligations />
        </Labeled>
        <DateTimeField source="updatedAt" />
        <Labeled label="resources.development.progress" fullWidth>
          <Progress manage={manage} />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
