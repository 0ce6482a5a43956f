import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

export const KindField = (_props: FieldProps) => {
  const org = useRecordContext();
  const translate = useTranslate();
  if (!org) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={org.kind === 'affiliated_party_org' ? 'default' : 'primary'}
      label={translate(`choices.orgKind.${org.kind}`, { _: org.kind })}
    />
  );
};
