import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

export const StatusField = (_props: FieldProps) => {
  const user = useRecordContext();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Chip
      size="small"
      color={user.status === 'active' ? 'success' : 'default'}
      variant="outlined"
      label={translate(`choices.status.${user.status}`, { _: user.status })}
    />
  );
};
