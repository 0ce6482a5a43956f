import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { useCommand } from '../../dataProvider/useCommand';
import type { UsersDataProvider } from '../dataProvider';

/** Disable an active user or enable a disabled one, after confirmation. */
export const StatusButton = () => {
  const user = useRecordContext();
  const [open, setOpen] = useState(false);
  const active = user?.status === 'active';
  const command = useCommand<UsersDataProvider, void>(
    (dataProvider) => (active ? dataProvider.disableUser(user!.id) : dataProvider.enableUser(user!.id)),
    { success: active ? 'commands.disable_done' : 'commands.enable_done', onSuccess: () => setOpen(false) },
  );
  if (!user) return null;
  const verb = active ? 'disable' : 'enable';
  return (
    <>
      <Button label={`commands.${verb}`} color={active ? 'error' : 'primary'} onClick={() => setOpen(true)}>
        {active ? <BlockIcon /> : <CheckIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={command.isPending}
        title={`commands.${verb}`}
        content={`commands.${verb}_confirm`}
        contentTranslateOptions={{ user: user.displayName || user.username }}
        confirmColor={active ? 'warning' : 'primary'}
        onConfirm={() => command.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
