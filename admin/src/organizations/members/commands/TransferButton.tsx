import MoveIcon from '@mui/icons-material/MoveUp';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, FormDataConsumer, required, useRecordContext, useTranslate } from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import { PickByName } from '../../../common/PickByName';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 组织关系转接 within the county: the member moves to one organisation and unit, never copied. */
export const TransferButton = () => {
  const member = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const transfer = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.transferMember(member!.id, {
        toOrgId: String(values.toOrgId),
        toUnitId: String(values.toUnitId),
        on: String(values.on),
      }),
    { success: () => ['commands.transfer_done', { name: member?.name }] },
  );
  if (!member || member.status !== 'active') return null;
  return (
    <>
      <Button label="commands.transfer" onClick={() => setOpen(true)}>
        <MoveIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.transfer"
        submitLabel="commands.transfer"
        onClose={() => setOpen(false)}
        onSubmit={(values) => transfer.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.transfer_help', { name: member.name, org: member.orgName ?? '' })}
        </Typography>
        <PickByName source="toOrgId" reference="party-organizations" label="commands.to_org" validate={required()} />
        {/* Only the units the chosen organisation covers (its own or affiliated): a member works in one of them. */}
        <FormDataConsumer<{ toOrgId?: string }>>
          {({ formData }) => (
            <PickByName
              key={formData.toOrgId ?? 'none'}
              source="toUnitId"
              reference="units"
              label="commands.to_unit"
              filter={{ coveredBy: formData.toOrgId }}
              disabled={!formData.toOrgId}
              helperText={formData.toOrgId ? undefined : 'commands.to_unit_after_org'}
              validate={required()}
            />
          )}
        </FormDataConsumer>
        <DateInput source="on" label="commands.on" validate={required()} />
      </CommandDialog>
    </>
  );
};
