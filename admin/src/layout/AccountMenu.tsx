import PasswordIcon from '@mui/icons-material/Password';
import { Dialog, DialogActions, DialogContent, DialogTitle, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  Logout,
  PasswordInput,
  SaveButton,
  UserMenu,
  required,
  useTranslate,
  useUserMenu,
  type HttpError,
} from 'react-admin';
import { passwordRule, sameAs } from '../common/validation';
import { useCommand } from '../dataProvider/useCommand';
import type { SessionDataProvider } from '../dataProvider';

const ChangePasswordItem = ({ onOpen }: { onOpen: () => void }) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        onOpen();
      }}
    >
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('commands.change_password')}</ListItemText>
    </MenuItem>
  );
};

/** Each user changes their own password; the dialog sits outside the menu so it survives the menu closing. */
const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const change = useCommand<SessionDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.changeOwnPassword({
        currentPassword: String(values.currentPassword),
        newPassword: String(values.newPassword),
      }),
    { success: 'commands.change_password_done', onSuccess: onClose },
  );
  const submit = async (values: Record<string, unknown>) => {
    try {
      await change.mutateAsync(values);
    } catch (error) {
      return (error as HttpError).body?.errors;
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs">
      <Form onSubmit={submit} record={{}}>
        <DialogTitle>{translate('commands.change_password')}</DialogTitle>
        <DialogContent>
          <PasswordInput source="currentPassword" label="commands.current_password" validate={required()} />
          <PasswordInput source="newPassword" label="commands.new_password" validate={[required(), passwordRule]} />
          <PasswordInput
            source="confirmPassword"
            label="commands.confirm_password"
            validate={[required(), sameAs('newPassword')]}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label="commands.change_password" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

export const AccountMenu = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <UserMenu>
        <ChangePasswordItem onOpen={() => setOpen(true)} />
        <Logout />
      </UserMenu>
      {open && <ChangePasswordDialog open onClose={() => setOpen(false)} />}
    </>
  );
};
