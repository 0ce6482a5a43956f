import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, required, useRecordContext, useTranslate } from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 免职: ends a current post (the row is a position of the positions list). */
export const EndPositionButton = () => {
  const position = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const end = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) => dataProvider.endPosition(position!.orgId, position!.id, { to: String(values.to) }),
    { success: 'commands.end_position_done' },
  );
  if (!position || position.to) return null;
  const title = translate(`choices.positionTitle.${position.title}`, { _: position.title });
  return (
    <>
      <Button
        label="commands.end_position"
        aria-label={`${translate('commands.end_position')} ${position.memberName ?? ''} ${title}`}
        color="warning"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <EventBusyIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.end_position"
        submitLabel="commands.end_position"
        onClose={() => setOpen(false)}
        onSubmit={(values) => end.mutateAsync(values)}
        record={{ to: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.end_position_help', { member: position.memberName ?? '', title })}
        </Typography>
        <DateInput source="to" label="commands.to" validate={required()} />
      </CommandDialog>
    </>
  );
};
