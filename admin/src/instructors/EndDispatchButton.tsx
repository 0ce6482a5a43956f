import StopIcon from '@mui/icons-material/EventBusy';
import { useState } from 'react';
import { Button, DateInput, required, TextInput, useRecordContext } from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import type { InstructorsDataProvider } from './dataProvider';

/** Ends a dispatch on its last day (the bureau): the months after it owe no visit. */
export const EndDispatchButton = () => {
  const dispatch = useRecordContext();
  const [open, setOpen] = useState(false);
  const end = useCommand<InstructorsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.endInstructorDispatch(dispatch!.id, {
        endOn: values.endOn,
        // No expectedRevision: the instructor's stream moves with every visit, not only with this dispatch.
        reason: values.reason || null,
      }),
    { success: 'instructors.dispatch.ended' },
  );
  if (!dispatch || dispatch.ended) return null;
  return (
    <>
      <Button
        label="instructors.dispatch.end"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <StopIcon />
      </Button>
      <CommandDialog
        open={open}
        title="instructors.dispatch.end"
        submitLabel="instructors.dispatch.end"
        onClose={() => setOpen(false)}
        onSubmit={(values) => end.mutateAsync(values)}
      >
        <DateInput source="endOn" label="resources.instructor-dispatches.fields.endOn" validate={required()} />
        <TextInput source="reason" label="resources.instructor-dispatches.fields.reason" fullWidth />
      </CommandDialog>
    </>
  );
};
