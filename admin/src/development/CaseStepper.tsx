import { Box, Chip, Grid, Paper, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { Loading, useTranslate } from 'react-admin';
import { useServerText } from '../i18n/i18nProvider';
import { STAGES, useDevelopmentCatalogue, type DevelopmentCaseRow } from './catalogue';
import { AttachRecordButton, StepRecords } from './records';

/**
 * The 5 stages across, and under each its steps (from the API's catalogue) with the date each was done,
 * the documents each produced, and 补充材料 on the done steps the user's role may attach a record to.
 */
export const CaseStepper = ({ record }: { record: DevelopmentCaseRow }) => {
  const translate = useTranslate();
  const text = useServerText();
  const { data: catalogue } = useDevelopmentCatalogue();
  if (!catalogue) return <Loading />;
  const stepsOf = (stage: number) => catalogue.steps.filter((step) => step.stage === stage);
  const stageDone = (stage: number) => stepsOf(stage).every((step) => Boolean(record.steps[step.key]));
  return (
    <Box data-testid="development-stepper">
      <Stepper activeStep={record.stage - 1} alternativeLabel sx={{ mb: 2 }}>
        {STAGES.map((stage) => (
          <Step key={stage} completed={stageDone(stage)}>
            <StepLabel>{translate(`resources.development.stages.${stage}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Grid container spacing={1}>
        {STAGES.map((stage) => {
          const steps = stepsOf(stage);
          const firstOpen = steps.findIndex((step) => !record.steps[step.key]);
          return (
            <Grid key={stage} size={{ xs: 12, md: 12 / 5 }}>
              <Paper variant="outlined" sx={{ p: 1, height: '100%' }}>
                <Typography variant="subtitle2" gutterBottom>
                  {translate(`resources.development.stages.${stage}`)}
                </Typography>
                <Stepper orientation="vertical" activeStep={firstOpen === -1 ? steps.length : firstOpen}>
                  {steps.map((step) => {
                    const on = record.steps[step.key];
                    const records = record.records?.[step.key];
                    const attachable = Boolean(on) && (record.attachable ?? []).includes(step.key);
                    // The next step by order, which a not-before date may still hold back (upcomingSteps).
                    const heldUntil = record.upcomingSteps?.find(
                      (upcoming) => upcoming.key === step.key,
                    )?.availableFrom;
                    return (
                      <Step key={step.key} completed={Boolean(on)} data-step={step.key}>
                        <StepLabel
                          icon={step.number}
                          optional={
                            on || records?.length ? (
                              <Box>
                                {on ? (
                                  <Typography variant="caption" color="text.secondary">
                                    {on}
                                  </Typography>
                                ) : null}
                                <StepRecords records={records} stepKey={step.key} />
                                {attachable ? <AttachRecordButton record={record} step={step} /> : null}
                              </Box>
                            ) : step.number === record.step + 1 && record.status === 'open' ? (
                              <Chip
                                size="small"
                                color={heldUntil ? 'default' : 'primary'}
                                label={
                                  heldUntil
                                    ? translate('resources.development.not_before', { date: heldUntil })
                                    : translate('resources.development.next')
                                }
                              />
                            ) : undefined
                          }
                        >
                          {text(step)}
                        </StepLabel>
                      </Step>
                    );
                  })}
                </Stepper>
              </Paper>
            </Grid>
          );
        })}
      </Grid>
    </Box>
  );
};
