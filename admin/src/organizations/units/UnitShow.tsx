import { Alert, Stack } from '@mui/material';
import {
  EditButton,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField';
import { useLoadError } from '../../common/useLoadError';
import { AffiliateButton, EndAffiliationButton } from './commands/AffiliateButton';
import { unitTypeChoices } from './unitTypes';

const UnitShowActions = ({ manage }: { manage: boolean }) => (
  <TopToolbar>
    {manage && <AffiliateButton />}
    {manage && <EndAffiliationButton />}
    <EditButton />
  </TopToolbar>
);

/** B18 in words: 3 full members and no organisation of its own; 7 and no committee. */
export const RosterWarnings = () => {
  const unit = useRecordContext();
  const translate = useTranslate();
  if (!unit || (!unit.needsOwnOrganization && !unit.needsCommittee)) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 2 }}>
      {unit.needsOwnOrganization && (
        <Alert severity="warning">
          {translate('resources.units.needs_own_organization_warning', { count: unit.fullMembers })}
        </Alert>
      )}
      {unit.needsCommittee && (
        <Alert severity="warning">
          {translate('resources.units.needs_committee_warning', { count: unit.fullMembers })}
        </Alert>
      )}
    </Stack>
  );
};

export const UnitShow = () => {
  const onError = useLoadError();
  const { canAccess: manage = false } = useCanAccess({ resource: 'units', action: 'edit' });
  return (
    <Show actions={<UnitShowActions manage={manage} />} queryOptions={{ onError }}>
      <RosterWarnings />
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="type" choices={unitTypeChoices} />
        <TextField source="district" emptyText="—" />
        <TextField source="centralSchool" emptyText="—" />
        <NumberField source="fullMembers" />
        <ReferenceField source="ownOrgId" reference="party-organizations" emptyText="—" />
        <ReferenceField source="hostOrgId" reference="party-organizations" emptyText="—" />
        <DateTimeField source="registeredAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
};
