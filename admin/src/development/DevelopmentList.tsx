import BoardIcon from '@mui/icons-material/ViewWeek';
import {
  Button,
  CreateButton,
  DataTable,
  FilterButton,
  Link,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { CaseStatusField, CurrentStepField, NextObligationField, StageField } from './DevelopmentFields';
import { STAGES } from './catalogue';
import { PickByName } from '../common/PickByName';

export const stageChoices = STAGES.map((stage) => ({ id: stage, name: `resources.development.stages.${stage}` }));
const statusChoices = ['open', 'not_admitted', 'cancelled', 'full_member'].map((id) => ({
  id,
  name: `choices.development.status.${id}`,
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} alwaysOn />,
  <PickByName key="orgId" source="orgId" reference="party-organizations" alwaysOn sx={{ minWidth: 260 }} />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];

/** The pipeline board is a page of its own: `/development/pipeline`. */
const PipelineButton = () => (
  <Button label="resources.development.pipeline.title" component={Link} to="/development/pipeline">
    <BoardIcon />
  </Button>
);

const ListActions = ({ canCreate }: { canCreate: boolean }) => (
  <TopToolbar>
    <FilterButton />
    <PipelineButton />
    {canCreate && <CreateButton label="resources.development.apply" />}
  </TopToolbar>
);

/** Cases in the user's scope, the most urgent obligation first (the server's default order). */
export const DevelopmentList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'development', action: 'create' });
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      perPage={25}
      actions={<ListActions canCreate={canCreate} />}
      sort={{ field: 'nextDueOn', order: 'ASC' }}
      empty={canCreate ? undefined : false}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="orgName" disableSort />
        <DataTable.Col source="stage" field={StageField} />
        <DataTable.Col source="step" field={CurrentStepField} />
        <DataTable.Col
          source="nextDueOn"
          label="resources.development.fields.nextObligation"
          field={NextObligationField}
        />
        <DataTable.Col source="status" disableSort field={CaseStatusField} />
      </DataTable>
    </List>
  );
};
