import { Alert, Box } from '@mui/material';
import {
  DataTable,
  Pagination,
  ReferenceArrayField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TermEndField } from '../../common/TermEndField';
import { termState } from '../../i18n/dates';
import { useLoadError } from '../../common/useLoadError';
import { ApprovalAuthorityButton } from './commands/ApprovalAuthorityButton';
import { AssignPositionButton } from './commands/AssignPositionButton';
import { ElectCommitteeButton } from './commands/ElectCommitteeButton';
import { KindField } from './KindField';
import { PositionsTable } from './PositionsTable';
import { TreeButton } from './PartyOrgList';

const PartyOrgShowActions = ({ manage }: { manage: boolean }) => (
  <TopToolbar>
    <TreeButton />
    {manage && <ElectCommitteeButton />}
    {manage && <ApprovalAuthorityButton />}
  </TopToolbar>
);

/** A committee's approval authority (domain.md §4.1); other kinds never have it, so nothing is said. */
const ApprovalAuthorityField = (_: { label?: string }) => {
  const org = useRecordContext();
  const translate = useTranslate();
  if (!org) return null;
  if (org.kind !== 'basic_party_committee') return <span>—</span>;
  return (
    <span data-testid="approval-authority">
      {translate(`resources.party-organizations.approval_authority_${org.approvalAuthority ? 'yes' : 'no'}`)}
    </span>
  );
};

/** B15 said in words above the tabs when the committee's term is over or nearly so. */
const TermWarning = () => {
  const org = useRecordContext();
  const translate = useTranslate();
  const state = termState(org?.termEnd);
  if (state !== 'expired' && state !== 'soon') return null;
  return (
    <Alert severity={state === 'expired' ? 'error' : 'warning'} sx={{ mb: 1 }}>
      {translate(`resources.party-organizations.term_${state}_warning`, { date: org!.termEnd })}
    </Alert>
  );
};

export const PartyOrgShow = () => {
  const onError = useLoadError();
  const translate = useTranslate();
  const { canAccess: manage = false } = useCanAccess({ resource: 'party-organizations', action: 'edit' });
  const { canAccess: managePosts = false } = useCanAccess({ resource: 'positions', action: 'create' });
  return (
    <Show actions={<PartyOrgShowActions manage={manage} />} queryOptions={{ onError }}>
      <Box sx={{ px: 2, pt: 2 }}>
        <TermWarning />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.party-organizations.tabs.summary">
          <TextField source="name" />
          <KindField source="kind" />
          <ApprovalAuthorityField label="resources.party-organizations.fields.approvalAuthority" />
          {/* The name from the read model: a secretary may not open the parent, but sees whose it is. */}
          <TextField source="parentName" label="resources.party-organizations.fields.parentId" emptyText="—" />
          <ReferenceArrayField source="unitIds" reference="units" emptyText="—" />
          <TextField source="foundedOn" />
          <TextField source="termStart" emptyText="—" />
          <TermEndField source="termEnd" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.party-organizations.tabs.positions" path="positions">
          {managePosts && <AssignPositionButton />}
          <ReferenceManyField
            reference="positions"
            target="orgId"
            sort={{ field: 'from', order: 'DESC' }}
            perPage={50}
            pagination={<Pagination />}
            empty={<Alert severity="info">{translate('resources.positions.none')}</Alert>}
          >
            <PositionsTable manage={managePosts} />
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.party-organizations.tabs.members" path="members">
          <ReferenceManyField
            reference="members"
            target="orgId"
            filter={{ status: 'active' }}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={25}
            pagination={<Pagination />}
            empty={<Alert severity="info">{translate('resources.members.none')}</Alert>}
          >
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="name" />
              <DataTable.Col source="unitName" />
              <DataTable.Col
                source="category"
                render={(member) => translate(`choices.memberCategory.${member.category}`)}
              />
              <DataTable.Col source="post" disableSort />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.party-organizations.tabs.children" path="children">
          <ReferenceManyField
            reference="party-organizations"
            target="parentId"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={50}
            pagination={<Pagination />}
            empty={<Alert severity="info">{translate('resources.party-organizations.no_children')}</Alert>}
          >
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="name" />
              <DataTable.Col source="kind" field={KindField} />
              <DataTable.Col source="termEnd" field={TermEndField} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
