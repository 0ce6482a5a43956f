import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** The category, and for a probationary member past the end of probation, 逾期未转正 with the day it was due. */
export const CategoryField = (_props: FieldProps) => {
  const member = useRecordContext();
  const translate = useTranslate();
  if (!member) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip
        size="small"
        variant="outlined"
        color={member.category === 'full' ? 'primary' : 'secondary'}
        label={translate(`choices.memberCategory.${member.category}`, { _: member.category })}
      />
      {member.conversionOverdue && (
        <Chip
          size="small"
          color="error"
          data-overdue="conversion"
          label={translate('resources.members.conversion_overdue', { date: member.conversionDueOn })}
        />
      )}
    </Stack>
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
