import KeyIcon from '@mui/icons-material/Key';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, PasswordInput, required, useRecordContext, useTranslate } from 'react-admin';
import { passwordRule, sameAs } from '../../common/validation';
import { useCommand } from '../../dataProvider/useCommand';
import { CommandDialog } from '../../common/CommandDialog';
import type { UsersDataProvider } from '../dataProvider';

export const ResetPasswordButton = () => {
  const user = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const reset = useCommand<UsersDataProvider, Record<string, unknown>>(
    (dataProvider, values) => dataProvider.resetPassword(user!.id, { password: String(values.password) }),
    { success: 'commands.reset_password_done' },
  );
  if (!user) return null;
  return (
    <>
      <Button label="commands.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.reset_password"
        submitLabel="commands.reset_password"
        onClose={() => setOpen(false)}
        onSubmit={(values) => reset.mutateAsync(values)}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.reset_password_help', { user: user.displayName || user.username })}
        </Typography>
        <PasswordInput source="password" label="commands.new_password" validate={[required(), passwordRule]} />
        <PasswordInput
          source="confirmPassword"
          label="commands.confirm_password"
          validate={[required(), sameAs('password')]}
        />
      </CommandDialog>
    </>
  );
};
