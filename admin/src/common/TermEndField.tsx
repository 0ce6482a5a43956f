import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { termState } from '../i18n/dates';

/** A committee's term end, in the warning colour when ending within 3 months and red once past (B15). */
export const TermEndField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const translate = useTranslate();
  const state = termState(value);
  if (state === 'none')
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.party-organizations.no_term')}
      </Typography>
    );
  const color = state === 'expired' ? 'error.main' : state === 'soon' ? 'warning.dark' : undefined;
  return (
    <Typography
      component="span"
      variant="body2"
      data-term={state}
      sx={{ color, fontWeight: state === 'ok' ? undefined : 'bold' }}
    >
      {value}
      {state !== 'ok' && ` (${translate(`resources.party-organizations.term_${state}`)})`}
    </Typography>
  );
};
