import AddIcon from '@mui/icons-material/AddModerator';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { useCommand } from '../../dataProvider/useCommand';
import { scopeFor } from '../roles';
import { RoleAndScopeInputs } from '../ScopeInputs';
import { CommandDialog } from '../../common/CommandDialog';
import type { UsersDataProvider } from '../dataProvider';

export const GrantRoleButton = () => {
  const user = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const grant = useCommand<UsersDataProvider, Record<string, unknown>>(
    (dataProvider, values) => dataProvider.grantRole(user!.id, scopeFor(values)),
    { success: ({ role }) => ['commands.grant_role_done', { role: translate(`choices.role.${role}`) }] },
  );
  if (!user) return null;
  return (
    <>
      <Button label="commands.grant_role" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.grant_role"
        submitLabel="commands.grant_role"
        onClose={() => setOpen(false)}
        onSubmit={(values) => grant.mutateAsync(values)}
      >
        <RoleAndScopeInputs />
      </CommandDialog>
    </>
  );
};
