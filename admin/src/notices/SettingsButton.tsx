import SettingsIcon from '@mui/icons-material/Tune';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, NumberInput, required, SelectArrayInput, useCanAccess, useDataProvider } from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import type { NoticesDataProvider, NoticeSettings } from './dataProvider';

/** The grades of domain.md §13 a rule set's bands use; the band is the grades counted as lagging. */
const GRADES = ['good', 'fairly_good', 'average', 'poor'].map((id) => ({ id, name: `choices.noticeGrade.${id}` }));
const S = 'notices.settings';

/** The bureau's thresholds and working-day deadlines, changed at the revision shown. */
export const SettingsButton = () => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const { canAccess = false } = useCanAccess({ resource: 'notice-settings', action: 'edit' });
  const { data } = useQuery({
    queryKey: ['criticism-notices', 'settings'],
    queryFn: () => dataProvider.getNoticeSettings().then(({ data }) => data),
    enabled: canAccess,
  });
  const change = useCommand<NoticesDataProvider, Record<string, unknown>, unknown>(
    (dp, v) =>
      dp.changeNoticeSettings({
        lowGradeIds: v.lowGradeIds,
        overdueDays: v.overdueDays,
        acknowledgeWorkingDays: v.acknowledgeWorkingDays,
        urgeAfterWorkingDays: v.urgeAfterWorkingDays,
        urgeRounds: v.urgeRounds,
        rectifyWorkingDays: v.rectifyWorkingDays,
        expectedRevision: data?.revision,
      }),
    { success: `${S}.saved` },
  );
  if (!canAccess || !data) return null;
  const { revision: _revision, ...values } = data;
  const number = (source: keyof Omit<NoticeSettings, 'lowGradeIds' | 'revision'>, min: number) => (
    <NumberInput source={source} label={`${S}.${source}`} min={min} validate={required()} />
  );
  return (
    <>
      <Button label={`${S}.title`} onClick={() => setOpen(true)}>
        <SettingsIcon />
      </Button>
      <CommandDialog
        open={open}
        title={`${S}.title`}
        submitLabel="ra.action.save"
        record={values}
        onClose={() => setOpen(false)}
        onSubmit={(v) => change.mutateAsync(v)}
      >
        <SelectArrayInput source="lowGradeIds" label={`${S}.lowGradeIds`} choices={GRADES} fullWidth />
        {number('overdueDays', 0)}
        {number('acknowledgeWorkingDays', 1)}
        {number('urgeAfterWorkingDays', 1)}
        {number('urgeRounds', 0)}
        {number('rectifyWorkingDays', 1)}
      </CommandDialog>
    </>
  );
};
