import {
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SelectArrayInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ServerExportButtons } from '../../common/ServerExportButtons';
import { positionTitleChoices } from '../partyOrganizations/orgKinds';
import { PickByName } from '../../common/PickByName';

const filters = [
  <PickByName key="orgId" source="orgId" reference="party-organizations" alwaysOn sx={{ minWidth: 260 }} />,
  <SelectArrayInput key="title" source="title" choices={positionTitleChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <NullableBooleanInput key="current" source="current" alwaysOn />,
];

const PositionListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButtons />
  </TopToolbar>
);

/**
 * Position holders across organisations. Posts are assigned and ended on their organisation's
 * page (its "posts" tab), where a row leads.
 */
export const PositionList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ current: true }}
      actions={<PositionListActions />}
      sort={{ field: 'from', order: 'DESC' }}
    >
      <DataTable
        bulkActionButtons={false}
        rowClick={(_id, _resource, position) =>
          `/party-organizations/${encodeURIComponent(String(position.orgId))}/show/positions`
        }
      >
        <DataTable.Col source="orgName" />
        <DataTable.Col source="memberName" />
        <DataTable.Col
          source="title"
          render={(position) => translate(`choices.positionTitle.${position.title}`, { _: position.title })}
        />
        <DataTable.Col source="crossAppointment" disableSort render={(position) => position.crossAppointment ?? '—'} />
        <DataTable.Col source="from" />
        <DataTable.Col
          source="to"
          disableSort
          render={(position) => position.to ?? translate('resources.positions.current_post')}
        />
      </DataTable>
    </List>
  );
};
