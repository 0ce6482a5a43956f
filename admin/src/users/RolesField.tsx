import { Chip, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { RoleGrant } from '../auth/session';

/** Each role the user holds, with its scope; `action` adds e.g. a revoke button after each. */
export const RolesField = (_props: FieldProps & { action?: (grant: RoleGrant) => ReactNode }) => {
  const user = useRecordContext();
  const translate = useTranslate();
  const grants = (user?.roles ?? []) as RoleGrant[];
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {grants.map((grant) => {
        const scope = grant.orgIds.length
          ? translate('resources.users.scope_orgs', { ids: grant.orgIds.join('、') })
          : grant.unitIds.length
            ? translate('resources.users.scope_units', { count: grant.unitIds.length })
            : '';
        const label = translate(`choices.role.${grant.role}`, { _: grant.role });
        return (
          <Stack key={grant.role} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Chip size="small" label={scope ? `${label}（${scope}）` : label} />
            {_props.action?.(grant)}
          </Stack>
        );
      })}
    </Stack>
  );
};
