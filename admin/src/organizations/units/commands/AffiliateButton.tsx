import LinkIcon from '@mui/icons-material/Link';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, required, useRecordContext, useTranslate } from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import { HOST_KINDS } from '../../partyOrganizations/orgKinds';
import { PickByName } from '../../../common/PickByName';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 挂靠: a unit with fewer than 3 full members is hosted by an organisation that may host units. */
export const AffiliateButton = () => {
  const unit = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const affiliate = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.affiliateUnit(unit!.id, { hostOrgId: String(values.hostOrgId), on: String(values.on) }),
    { success: () => ['commands.affiliate_done', { name: unit?.name }] },
  );
  // A unit with its own organisation, or with 3 full members (B18: it needs one), is hosted by nobody.
  if (!unit || unit.ownOrgId || unit.fullMembers >= 3) return null;
  return (
    <>
      <Button label="commands.affiliate" onClick={() => setOpen(true)}>
        <LinkIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.affiliate"
        submitLabel="commands.affiliate"
        onClose={() => setOpen(false)}
        onSubmit={(values) => affiliate.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.affiliate_help', { name: unit.name, count: unit.fullMembers })}
        </Typography>
        <PickByName
          source="hostOrgId"
          reference="party-organizations"
          filter={{ kind: HOST_KINDS }}
          label="commands.host_org"
          validate={required()}
        />
        <DateInput source="on" label="commands.on" validate={required()} />
      </CommandDialog>
    </>
  );
};

/** Ends the current affiliation (`hostOrgId: null`), e.g. once the unit has its own branch. */
export const EndAffiliationButton = () => {
  const unit = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const end = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) => dataProvider.affiliateUnit(unit!.id, { hostOrgId: null, on: String(values.on) }),
    { success: () => ['commands.end_affiliation_done', { name: unit?.name }] },
  );
  if (!unit?.hostOrgId) return null;
  return (
    <>
      <Button label="commands.end_affiliation" color="warning" onClick={() => setOpen(true)}>
        <LinkOffIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.end_affiliation"
        submitLabel="commands.end_affiliation"
        onClose={() => setOpen(false)}
        onSubmit={(values) => end.mutateAsync(values)}
        record={{ on: today() }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.end_affiliation_help', { name: unit.name })}
        </Typography>
        <DateInput source="on" label="commands.on" validate={required()} />
      </CommandDialog>
    </>
  );
};
