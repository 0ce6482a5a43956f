import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { ServerExportButtons } from '../common/ServerExportButtons';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButtons />
  </TopToolbar>
);

interface Target {
  done: number;
  target: number;
}
const fraction = ({ done, target }: Target) => `${done}/${target}`;

/** The pairing communities with their three targets at a glance; those behind pace are flagged. */
export const PairingList = () => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'pairings', action: 'create' });
  return (
    <List filters={filters} actions={<Actions />} exporter={false} empty={canCreate ? undefined : false}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="helperUnitName" disableSort />
        <DataTable.Col
          source="helpedUnits"
          disableSort
          render={(p) => p.helpedUnits.map((u: { name: string | null }) => u.name).join('、')}
        />
        <DataTable.Col source="startOn" />
        <DataTable.Col source="endsOn" />
        <DataTable.Col
          source="progress"
          label="pairing.progress.teachers"
          disableSort
          render={(p) => fraction(p.progress.teachers)}
        />
        <DataTable.Col
          source="progress.members"
          label="pairing.progress.members"
          disableSort
          render={(p) => fraction(p.progress.members)}
        />
        <DataTable.Col
          source="progress.norms"
          label="pairing.progress.norms"
          disableSort
          render={(p) => fraction(p.progress.norms)}
        />
        <DataTable.Col
          source="status"
          render={(p) =>
            p.progress.behindPace && p.status === 'active' ? (
              <Chip size="small" color="warning" label={translate('pairing.progress.behind')} />
            ) : (
              translate(`pairing.status.${p.status}`)
            )
          }
        />
      </DataTable>
    </List>
  );
};
