import { Chip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { today } from '../i18n/dates';
import { pickText } from '../i18n/i18nProvider';
import { OBLIGATION_TITLES } from './obligations';
import { STEPS, isOverdue, type DevelopmentCaseRow } from './steps';

export const StageField = (_props: FieldProps) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" label={translate(`resources.development.stages.${record.stage}`)} />;
};

/** The furthest step done, numbered as in the 25-step convention. */
export const CurrentStepField = (_props: FieldProps) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  if (!record) return null;
  const step = STEPS[record.step - 1];
  return (
    <span>
      {translate('resources.development.step_number', { n: record.step })}{' '}
      {step ? translate(`resources.development.steps.${step.key}`) : ''}
    </span>
  );
};

/** The next obligation and its due date, red once past due. */
export const NextObligationField = (_props: FieldProps) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.nextObligation) return <span>—</span>;
  const overdue = isOverdue(record.nextDueOn, today());
  const title = pickText(OBLIGATION_TITLES[record.nextObligation], locale) ?? '';
  return (
    <Typography
      component="span"
      variant="body2"
      color={overdue ? 'error' : undefined}
      sx={overdue ? { fontWeight: 'bold' } : undefined}
      data-overdue={overdue ? 'true' : undefined}
    >
      {record.nextObligation} {title}
      {record.nextDueOn ? `（${translate('resources.development.due', { date: record.nextDueOn })}）` : ''}
      {overdue ? ` ${translate('resources.development.overdue')}` : ''}
    </Typography>
  );
};

export const CaseStatusField = (_props: FieldProps) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.status === 'open' ? 'primary' : record.status === 'full_member' ? 'success' : 'default'}
      label={translate(`choices.development.status.${record.status}`, { _: record.status })}
    />
  );
};
