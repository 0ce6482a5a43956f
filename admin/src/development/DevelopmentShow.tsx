import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Labeled,
  Loading,
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
import { useServerText } from '../i18n/i18nProvider';
import { CaseObligations } from './CaseObligations';
import { CaseStepper } from './CaseStepper';
import { CaseStatusField, CurrentStepField, NextObligationField, StageField } from './DevelopmentFields';
import { StepButton } from './StepButton';
import { commandsFor, useDevelopmentCatalogue, type DevelopmentCaseRow } from './catalogue';

/**
 * Buttons for only what the case allows today: the server's `nextSteps`, already filtered by the user's
 * role (the same order checks and not-before dates its deciders apply). A step only a date holds back
 * (`upcomingSteps`) is named with that date instead of a button. Hidden for roles without development:edit.
 */
const NextSteps = ({ manage }: { manage: boolean }) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  const text = useServerText();
  const { data: catalogue } = useDevelopmentCatalogue();
  if (!record || !manage || !catalogue) return null;
  const commands = commandsFor(catalogue, record.nextSteps ?? []);
  const upcoming = (record.upcomingSteps ?? []).flatMap(({ key, availableFrom }) =>
    commandsFor(catalogue, [key]).map((command) => ({ command, availableFrom })),
  );
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
        !upcoming.length && <Alert severity="info">{translate('resources.development.no_next_step')}</Alert>
      )}
      {upcoming.map(({ command, availableFrom }) => (
        <Typography
          key={command.key}
          variant="body2"
          color="text.secondary"
          sx={{ mt: 1 }}
          data-testid={`development-upcoming-${command.key}`}
        >
          {translate('resources.development.available_from', { step: text(command), date: availableFrom })}
        </Typography>
      ))}
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

/**
 * The case's fields once the record is a case. Right after 递交入党申请 the record react-admin holds is
 * the create answer; should the server have answered before its read models had the case, that is
 * only a receipt: show a loading state until the case itself has been read, rather than fail on it.
 */
const WhenCaseLoaded = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<Partial<DevelopmentCaseRow>>();
  return record?.steps ? children : <Loading loadingSecondary="resources.development.loading_case" />;
};

export const DevelopmentShow = () => {
  const onError = useLoadError();
  const { canAccess: manage = false } = useCanAccess({ resource: 'development', action: 'edit' });
  return (
    <Show actions={<TopToolbar />} queryOptions={{ onError }}>
      <WhenCaseLoaded>
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
      </WhenCaseLoaded>
    </Show>
  );
};
