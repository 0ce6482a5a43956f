import GavelIcon from '@mui/icons-material/Gavel';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, required, useRecordContext, useTranslate } from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import type { OrganizationsDataProvider } from '../../dataProvider';

/**
 * 授予 / 撤销审批权限: only a basic-level Party committee may approve new members (domain.md §4.1), so
 * the button shows on committees only; the server refuses it for any other kind as well.
 */
export const ApprovalAuthorityButton = () => {
  const org = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const grant = !org?.approvalAuthority;
  const command = grant ? 'grant_approval_authority' : 'withdraw_approval_authority';
  const send = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.setApprovalAuthority(org!.id, { approvalAuthority: grant, on: String(values.on) }),
    { success: grant ? 'commands.approval_authority_granted' : 'commands.approval_authority_withdrawn' },
  );
  if (!org || org.kind !== 'basic_party_committee') return null;
  return (
    <>
      <Button label={`commands.${command}`} onClick={() => setOpen(true)}>
        <GavelIcon />
      </Button>
      <CommandDialog
        open={open}
        title={`commands.${command}`}
        submitLabel={`commands.${command}`}
        onClose={() => setOpen(false)}
        onSubmit={(values) => send.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate(`commands.${command}_help`, { name: org.name })}
        </Typography>
        <DateInput source="on" label="commands.on" validate={required()} />
      </CommandDialog>
    </>
  );
};
