import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDateTime } from '../i18n/dates';

/** A timestamp as yyyy-MM-dd HH:mm, Beijing time. */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2">
      {formatDateTime(value)}
    </Typography>
  );
};
