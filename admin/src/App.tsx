import { Admin, Datagrid, List, Resource, TextField } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

// A first shell: the admin issue brings the auth provider, the Chinese messages and the screens.
const dataProvider = simpleRestProvider('/api');

const UnitList = () => (
  <List>
    <Datagrid bulkActionButtons={false}>
      <TextField source="name" label="名称" />
      <TextField source="type" label="类型" />
      <TextField source="district" label="片区" />
    </Datagrid>
  </List>
);

export const App = () => (
  <Admin title="党建台账" dataProvider={dataProvider} disableTelemetry>
    <Resource name="units" options={{ label: '单位' }} list={UnitList} />
  </Admin>
);
