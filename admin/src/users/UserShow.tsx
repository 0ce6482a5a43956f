import { Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useLoadError } from '../common/useLoadError';
import { GrantRoleButton } from './commands/GrantRoleButton';
import { ResetPasswordButton } from './commands/ResetPasswordButton';
import { RevokeRoleButton } from './commands/RevokeRoleButton';
import { StatusButton } from './commands/StatusButton';
import { RolesField } from './RolesField';
import { StatusField } from './StatusField';

/** The commands on a user are the administrator's (users: edit); auditors only read. */
const UserShowActions = ({ manage }: { manage: boolean }) =>
  manage ? (
    <TopToolbar>
      <GrantRoleButton />
      <ResetPasswordButton />
      <StatusButton />
    </TopToolbar>
  ) : null;

export const UserShow = () => {
  const { canAccess: manage = false } = useCanAccess({ resource: 'users', action: 'edit' });
  const onError = useLoadError();
  return (
    <Show actions={<UserShowActions manage={manage} />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="username" />
        <TextField source="displayName" />
        <StatusField source="status" />
        <RolesField
          source="roles"
          action={manage ? (grant) => <RevokeRoleButton key={grant.role} grant={grant} /> : undefined}
        />
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
};
