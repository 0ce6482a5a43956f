import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

export const CategoryField = (_props: FieldProps) => {
  const member = useRecordContext();
  const translate = useTranslate();
  if (!member) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={member.category === 'full' ? 'primary' : 'secondary'}
      label={translate(`choices.memberCategory.${member.category}`, { _: member.category })}
    />
  );
};

export const MemberStatusField = (_props: FieldProps) => {
  const member = useRecordContext();
  const translate = useTranslate();
  if (!member) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={member.status === 'active' ? 'success' : 'default'}
      label={translate(`choices.memberStatus.${member.status}`, { _: member.status })}
    />
  );
};
