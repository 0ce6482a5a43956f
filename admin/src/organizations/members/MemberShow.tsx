import { Alert } from '@mui/material';
import {
  BooleanField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField';
import { useLoadError } from '../../common/useLoadError';
import { PositionsTable } from '../partyOrganizations/PositionsTable';
import { RemoveButton } from './commands/RemoveButton';
import { TransferButton } from './commands/TransferButton';
import { genderChoices } from './memberChoices';
import { CategoryField, MemberStatusField } from './MemberFields';

const MemberShowActions = ({ manage }: { manage: boolean }) =>
  manage ? (
    <TopToolbar>
      <TransferButton />
      <RemoveButton />
    </TopToolbar>
  ) : null;

export const MemberShow = () => {
  const onError = useLoadError();
  const translate = useTranslate();
  const { canAccess: manage = false } = useCanAccess({ resource: 'members', action: 'edit' });
  return (
    <Show actions={<MemberShowActions manage={manage} />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="gender" choices={genderChoices} />
        <TextField source="birthDate" emptyText="—" />
        <ReferenceField source="orgId" reference="party-organizations" />
        <ReferenceField source="unitId" reference="units" />
        <CategoryField source="category" />
        <TextField source="joinedOn" emptyText="—" />
        {/* Only a probationary member's: the day probation ends and conversion is due. */}
        <TextField source="conversionDueOn" emptyText="—" />
        <TextField source="post" emptyText="—" />
        <BooleanField source="teaches" />
        <MemberStatusField source="status" />
        <DateTimeField source="updatedAt" />
        <ReferenceManyField
          label="resources.members.positions"
          reference="positions"
          target="memberId"
          sort={{ field: 'from', order: 'DESC' }}
          empty={<Alert severity="info">{translate('resources.positions.none')}</Alert>}
        >
          <PositionsTable manage={false} showOrg />
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
