import { Alert, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { today } from '../i18n/dates';
import { useServerText } from '../i18n/i18nProvider';
import type { DevelopmentCaseRow } from './catalogue';
import { obligationTiming, type ObligationRow } from './obligations';

/**
 * The case's open obligations (A1–A23), soonest first, each with its due date and, where a rule forbids
 * acting earlier, the first day it can be met (最早: A8 a year after the activist, A15 after a failed vote).
 */
export const CaseObligations = () => {
  const record = useRecordContext<DevelopmentCaseRow>();
  const translate = useTranslate();
  const text = useServerText();
  const { data, isPending } = useGetList<ObligationRow>(
    'development/obligations',
    {
      filter: { caseId: record?.id, open: true },
      sort: { field: 'dueOn', order: 'ASC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: Boolean(record?.id) },
  );
  if (!record || isPending) return null;
  if (!data?.length) return <Alert severity="info">{translate('resources.development.no_obligations')}</Alert>;
  const on = today();
  return (
    <List dense disablePadding data-testid="development-obligations">
      {data.map((obligation) => {
        const timing = obligationTiming(obligation, on);
        return (
          <ListItem
            key={obligation.id}
            disableGutters
            data-code={obligation.code}
            title={translate('dashboard.rule', { rule: obligation.code })}
          >
            <ListItemText
              primary={text({ zh: obligation.titleZh, en: obligation.titleEn })}
              secondary={
                <Typography
                  component="span"
                  variant="body2"
                  color={timing.overdue ? 'error' : 'text.secondary'}
                  sx={timing.overdue ? { fontWeight: 'bold' } : undefined}
                  data-overdue={timing.overdue ? 'true' : undefined}
                  data-waiting={timing.waiting ? 'true' : undefined}
                >
                  {timing.parts.map((part) => translate(part.key, { date: part.date })).join(' · ')}
                  {timing.overdue ? ` ${translate('resources.development.overdue')}` : ''}
                </Typography>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};
