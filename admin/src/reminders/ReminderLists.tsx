import { useNotifiedAction } from '../dataProvider/useNotifiedAction';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import {
  Create,
  DataTable,
  FilterButton,
  List,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  required,
  CreateButton,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { remindersApi } from './api';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows as the API sends them

const STATUS_COLOURS: Record<string, 'default' | 'warning' | 'success' | 'error' | 'info'> = {
  unread: 'warning',
  read: 'default',
  snoozed: 'info',
  pending: 'info',
  delivered: 'success',
  failed: 'error',
};

export const StatusChip = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return (
    <Chip size="small" color={STATUS_COLOURS[status] ?? 'default'} label={translate(`reminders.status.${status}`)} />
  );
};

const title = (r: Row) => `${r.title?.zh ?? ''}`;

/** Mark read and snooze, for the person reminded. */
const InboxActions = () => {
  const record = useRecordContext<Row>();
  const translate = useTranslate();
  const notified = useNotifiedAction();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  if (!record) return null;
  const run = async (action: () => Promise<unknown>) => {
    if (!(await notified(action, 'reminders.done'))) return;
    setOpen(false);
    refresh();
  };
  return (
    <Stack direction="row" spacing={1} onClick={(event) => event.stopPropagation()}>
      {record.status === 'unread' && (
        <Button size="small" onClick={() => run(() => remindersApi.read(String(record.id)))}>
          {translate('reminders.action.read')}
        </Button>
      )}
      <Button size="small" onClick={() => setOpen(true)}>
        {translate('reminders.action.snooze')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('reminders.snooze.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1, minWidth: 360 }}>
            <TextField
              type="date"
              label={translate('reminders.snooze.until')}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              label={translate('reminders.snooze.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              multiline
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => run(() => remindersApi.snooze(String(record.id), until, reason))}>
            {translate('reminders.action.snooze')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

const InboxToolbar = () => {
  const translate = useTranslate();
  return (
    <TopToolbar>
      <FilterButton />
      <Button component={Link} to="/reminder-inbox/channels" size="small">
        {translate('reminders.action.channels')}
      </Button>
    </TopToolbar>
  );
};

const statusFilter = (source = 'status') => (
  <SelectInput
    key={source}
    source={source}
    choices={['unread', 'read', 'snoozed'].map((id) => ({ id, name: `reminders.status.${id}` }))}
  />
);

/** One's own reminders, unread first to the eye: read them, snooze them with a reason. */
export const InboxList = () => (
  <List
    filters={[statusFilter()]}
    actions={<InboxToolbar />}
    exporter={false}
    sort={{ field: 'sentAt', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="status" render={(r: Row) => <StatusChip status={r.status} />} />
      <DataTable.Col source="kind" disableSort render={(r: Row) => <KindLabel kind={r.kind} />} />
      <DataTable.Col source="code" />
      <DataTable.Col source="title" disableSort render={title} />
      <DataTable.Col source="subject" disableSort render={(r: Row) => r.subject?.name ?? ''} />
      <DataTable.Col source="dueOn" />
      <DataTable.Col
        source="sentAt"
        render={(r: Row) => new Date(r.lastSentAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
      />
      <DataTable.Col source="snoozedUntil" disableSort />
      <DataTable.Col label=" " disableSort render={() => <InboxActions />} />
    </DataTable>
  </List>
);

const KindLabel = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return <>{translate(`reminders.kind.${kind}`)}</>;
};

const LogToolbar = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'reminders', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && (
        <Button
          size="small"
          onClick={async () => {
            await remindersApi.scan();
            notify('reminders.done', { type: 'success' });
          }}
        >
          {translate('reminders.action.scan')}
        </Button>
      )}
      {canAccess && (
        <Button component={Link} to="/reminder-robots/settings" size="small">
          {translate('reminders.action.settings')}
        </Button>
      )}
    </TopToolbar>
  );
};

const logFilters = [
  <TextInput key="unitId" source="unitId" />,
  <TextInput key="code" source="code" />,
  <SelectInput
    key="channel"
    source="channel"
    choices={['inbox', 'email', 'robot'].map((id) => ({ id, name: `choices.reminderChannel.${id}` }))}
  />,
  statusFilter(),
  <SelectInput
    key="kind"
    source="kind"
    choices={['reminder', 'escalation'].map((id) => ({ id, name: `reminders.kind.${id}` }))}
  />,
];

/** Every reminder sent, for the bureau: by unit, code, channel, status; snoozes with their reasons. */
export const ReminderLog = () => (
  <List filters={logFilters} actions={<LogToolbar />} exporter={false} sort={{ field: 'sentAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="status" render={(r: Row) => <StatusChip status={r.status} />} />
      <DataTable.Col source="kind" disableSort render={(r: Row) => <KindLabel kind={r.kind} />} />
      <DataTable.Col source="code" />
      <DataTable.Col source="title" disableSort render={title} />
      <DataTable.Col source="subject" disableSort render={(r: Row) => r.subject?.name ?? ''} />
      <DataTable.Col source="dueOn" />
      <DataTable.Col source="channels" disableSort render={(r: Row) => <ChannelsLabel channels={r.channels} />} />
      <DataTable.Col
        source="sentAt"
        render={(r: Row) => new Date(r.lastSentAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
      />
      <DataTable.Col source="snoozeReason" disableSort />
    </DataTable>
  </List>
);

const RetryButton = () => {
  const record = useRecordContext<Row>();
  const translate = useTranslate();
  const notified = useNotifiedAction();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'reminder-deliveries', action: 'edit' });
  if (!record || record.status !== 'failed' || !canAccess) return null;
  return (
    <Button
      size="small"
      color="error"
      onClick={async () => {
        if (await notified(() => remindersApi.retry(String(record.id)), 'reminders.done')) refresh();
      }}
    >
      {translate('reminders.action.retry')}
    </Button>
  );
};

const DeliveryToolbar = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'reminder-queues', action: 'list' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && (
        <Button component={Link} to="/reminder-queues" size="small">
          {translate('reminders.action.openBoard')}
        </Button>
      )}
    </TopToolbar>
  );
};

/** Email and robot messages: failed ones first to act on, retried by the administrator. */
export const DeliveriesList = () => (
  <List
    filters={[
      <SelectInput
        key="status"
        source="status"
        alwaysOn
        choices={['pending', 'delivered', 'failed'].map((id) => ({ id, name: `reminders.status.${id}` }))}
      />,
      <SelectInput
        key="channel"
        source="channel"
        choices={['email', 'robot'].map((id) => ({ id, name: `choices.reminderChannel.${id}` }))}
      />,
    ]}
    actions={<DeliveryToolbar />}
    exporter={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="status" render={(r: Row) => <StatusChip status={r.status} />} />
      <DataTable.Col source="channel" render={(r: Row) => <ChannelLabel channel={r.channel} />} />
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="target" disableSort />
      <DataTable.Col source="attempts" disableSort />
      <DataTable.Col source="error" disableSort />
      <DataTable.Col source="updatedAt" />
      <DataTable.Col label=" " disableSort render={() => <RetryButton />} />
    </DataTable>
  </List>
);

const ChannelsLabel = ({ channels }: { channels: string[] }) => {
  const translate = useTranslate();
  return <>{channels.map((c) => translate(`choices.reminderChannel.${c}`)).join(' · ')}</>;
};

const ChannelLabel = ({ channel }: { channel: string }) => {
  const translate = useTranslate();
  return <>{translate(`choices.reminderChannel.${channel}`)}</>;
};

/** The bureau's DingTalk and WeCom robots, per unit or for the office. */
export const RobotsList = () => {
  const { canAccess } = useCanAccess({ resource: 'reminder-robots', action: 'create' });
  return (
    <List actions={<TopToolbar>{canAccess && <CreateButton />}</TopToolbar>} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" render={(r: Row) => <KindOfRobot kind={r.kind} />} />
        <DataTable.Col source="unitId" disableSort />
        <DataTable.Col source="signed" disableSort render={(r: Row) => (r.signed ? '✓' : '')} />
        <DataTable.Col source="updatedAt" />
      </DataTable>
    </List>
  );
};

const KindOfRobot = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return <>{translate(`choices.robotKind.${kind}`)}</>;
};

export const RobotCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <SelectInput
        source="kind"
        validate={required()}
        choices={['dingtalk', 'wecom'].map((id) => ({ id, name: `choices.robotKind.${id}` }))}
      />
      <TextInput source="url" validate={required()} fullWidth />
      <TextInput source="secret" />
      <TextInput source="unitId" />
    </SimpleForm>
  </Create>
);
