import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { today } from '../i18n/dates';
import { useServerText } from '../i18n/i18nProvider';
import { useDevelopmentCatalogue, type DevelopmentCaseRow } from './catalogue';
import { isOverdue } from './obligations';

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
  const text = useServerText();
  const { data: catalogue } = useDevelopmentCatalogue();
  if (!record) return null;
  const step = catalogue?.steps.find((s) => s.number === record.step);
  return (
    <span>
      {translate('resources.development.step_number', { n: record.step })} {step ? text(step) : ''}
    </span>
  );
};

/** The next obligation and its due date, red once past due. */
export const NextObligationField = (_props: FieldProps) => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  const text = useServerText();
  const { data: catalogue } = useDevelopmentCatalogue();
  if (!record?.nextObligation) return <span>—</span>;
  const overdue = isOverdue(record.nextDueOn, today());
  const obligation = catalogue?.obligations.find((o) => o.code === record.nextObligation);
  const title = obligation ? text(obligation) : '';
  return (
    <Typography
      component="span"
      variant="body2"
      color={overdue ? 'error' : undefined}
      sx={overdue ? { fontWeight: 'bold' } : undefined}
      data-overdue={overdue ? 'true' : undefined}
      title={translate('dashboard.rule', { rule: record.nextObligation })}
    >
      {title || record.nextObligation}
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
