import CloseIcon from '@mui/icons-material/Close';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useRecordContext, useTranslate } from 'react-admin';
import type { RoleGrant } from '../../auth/session';
import { useCommand } from '../../dataProvider/useCommand';
import type { UsersDataProvider } from '../dataProvider';

export const RevokeRoleButton = ({ grant }: { grant: RoleGrant }) => {
  const user = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const roleLabel = translate(`choices.role.${grant.role}`, { _: grant.role });
  const revoke = useCommand<UsersDataProvider, void>(
    (dataProvider) => dataProvider.revokeRole(user!.id, { role: grant.role }),
    {
      success: () => ['commands.revoke_role_done', { role: roleLabel }],
      onSuccess: () => setOpen(false),
    },
  );
  if (!user) return null;
  return (
    <>
      <Tooltip title={translate('commands.revoke_role')}>
        <IconButton
          size="small"
          aria-label={`${translate('commands.revoke_role')} ${roleLabel}`}
          onClick={() => setOpen(true)}
        >
          <CloseIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        loading={revoke.isPending}
        title="commands.revoke_role"
        content="commands.revoke_role_confirm"
        contentTranslateOptions={{ role: roleLabel, user: user.displayName || user.username }}
        confirmColor="warning"
        onConfirm={() => revoke.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
