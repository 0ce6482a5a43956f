import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, SelectInput, required, useRecordContext, useTranslate } from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import { removalReasonChoices } from '../memberChoices';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 党员减少: the member leaves the roster with a reason; the history stays. */
export const RemoveButton = () => {
  const member = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const remove = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.removeMember(member!.id, { reason: String(values.reason), on: String(values.on) }),
    { success: () => ['commands.remove_member_done', { name: member?.name }] },
  );
  if (!member || member.status !== 'active') return null;
  return (
    <>
      <Button label="commands.remove_member" color="error" onClick={() => setOpen(true)}>
        <PersonRemoveIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.remove_member"
        submitLabel="commands.remove_member"
        onClose={() => setOpen(false)}
        onSubmit={(values) => remove.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.remove_member_help', { name: member.name })}
        </Typography>
        <SelectInput source="reason" label="commands.reason" choices={removalReasonChoices} validate={required()} />
        <DateInput source="on" label="commands.on" validate={required()} />
      </CommandDialog>
    </>
  );
};
