import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOURS: Record<string, 'default' | 'info' | 'warning' | 'success' | 'primary' | 'secondary'> = {
  draft: 'default',
  submitted: 'warning',
  approved: 'info',
  issued: 'primary',
  circulated: 'secondary',
  closed: 'success',
};

/** A notice's status as a coloured chip. */
export const NoticeStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLOURS[record.status] ?? 'default'}
      label={translate(`choices.noticeStatus.${record.status}`)}
      data-testid="notice-status"
    />
  );
};

/** "n / m" units acknowledged, once circulated. */
export const ProgressField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  if (!record || !record.recipients) return null;
  return (
    <span>
      {record.acknowledged} / {record.recipients}
    </span>
  );
};

export const UnitNamesField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  return <span>{(record?.unitNames as string[] | undefined)?.join('、')}</span>;
};
