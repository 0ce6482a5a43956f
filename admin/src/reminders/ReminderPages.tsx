import { useNotifiedAction } from '../dataProvider/useNotifiedAction';
import {
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetMany, useNotify, useTranslate } from 'react-admin';
import { remindersApi, type Channels, type OverviewRow, type Settings } from './api';

const LIGHTS: Record<OverviewRow['light'], string> = { red: '#d32f2f', amber: '#ed6c02', green: '#2e7d32' };

/** Open obligations by unit with a traffic light: escalated or overdue red, due within a week amber. */
export const OverviewList = () => {
  const translate = useTranslate();
  const [rows, setRows] = useState<OverviewRow[] | null>(null);
  useEffect(() => {
    remindersApi.overview().then(setRows, () => setRows([]));
  }, []);
  const field = (name: string) => translate(`resources.reminder-overview.fields.${name}`);
  const unitIds = (rows ?? []).flatMap((row) => (row.unitId ? [row.unitId] : []));
  const { data: units } = useGetMany('units', { ids: unitIds }, { enabled: unitIds.length > 0 });
  const unitName = (id: string | null) => (id ? (units?.find((u) => u.id === id)?.name ?? id) : '—');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.reminder-overview.name')} />
      <CardContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['light', 'unitId', 'open', 'dueSoon', 'overdue', 'escalated', 'unread', 'snoozed'].map((name) => (
                <TableCell key={name}>{field(name)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows ?? []).map((row) => (
              <TableRow key={row.id} data-light={row.light}>
                <TableCell>
                  <span
                    aria-label={translate(`reminders.light.${row.light}`)}
                    style={{
                      display: 'inline-block',
                      width: 14,
                      height: 14,
                      borderRadius: 7,
                      background: LIGHTS[row.light],
                    }}
                  />{' '}
                  {translate(`reminders.light.${row.light}`)}
                </TableCell>
                <TableCell>{unitName(row.unitId)}</TableCell>
                <TableCell>{row.open}</TableCell>
                <TableCell>{row.dueSoon}</TableCell>
                <TableCell>{row.overdue}</TableCell>
                <TableCell>{row.escalated}</TableCell>
                <TableCell>{row.unread}</TableCell>
                <TableCell>{row.snoozed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** Each user's channels: the inbox always; email; their unit's robots; a daily digest instead of single emails. */
export const ChannelsPage = () => {
  const translate = useTranslate();
  const notified = useNotifiedAction();
  const [value, setValue] = useState<Channels | null>(null);
  useEffect(() => {
    remindersApi.channels().then(setValue, () => undefined);
  }, []);
  if (!value) return null;
  const toggle = (channel: string) =>
    setValue({
      ...value,
      channels: value.channels.includes(channel)
        ? value.channels.filter((c) => c !== channel)
        : [...value.channels, channel],
    });
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={translate('reminders.channels.title')} />
      <CardContent>
        <Stack spacing={2}>
          {['inbox', 'email', 'robot'].map((channel) => (
            <FormControlLabel
              key={channel}
              control={
                <Checkbox
                  checked={channel === 'inbox' || value.channels.includes(channel)}
                  disabled={channel === 'inbox'}
                  onChange={() => toggle(channel)}
                />
              }
              label={translate(`choices.reminderChannel.${channel}`)}
            />
          ))}
          <TextField
            label={translate('reminders.channels.email')}
            value={value.email ?? ''}
            onChange={(e) => setValue({ ...value, email: e.target.value || null })}
          />
          <FormControlLabel
            control={<Checkbox checked={value.digest} onChange={() => setValue({ ...value, digest: !value.digest })} />}
            label={translate('reminders.channels.digest')}
          />
          <Button
            variant="contained"
            onClick={() =>
              notified(async () => {
                setValue(
                  await remindersApi.saveChannels({
                    channels: value.channels,
                    email: value.email,
                    digest: value.digest,
                  }),
                );
              }, 'reminders.done')
            }
          >
            {translate('reminders.action.save')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The bureau's offsets, escalation days and hours. */
export const SettingsPage = () => {
  const translate = useTranslate();
  const notified = useNotifiedAction();
  const [value, setValue] = useState<Settings | null>(null);
  const [offsets, setOffsets] = useState('');
  useEffect(() => {
    remindersApi.settings().then(
      (s) => {
        setValue(s);
        setOffsets(s.offsets.join(', '));
      },
      () => undefined,
    );
  }, []);
  if (!value) return null;
  const number = (key: keyof Settings, label: string) => (
    <TextField
      type="number"
      label={translate(label)}
      value={value[key] as number}
      onChange={(e) => setValue({ ...value, [key]: Number(e.target.value) })}
    />
  );
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate('reminders.settings.title')} />
      <CardContent>
        <Stack spacing={2}>
          <TextField
            label={translate('reminders.settings.offsets')}
            value={offsets}
            onChange={(e) => setOffsets(e.target.value)}
          />
          {number('escalateAfterWorkingDays', 'reminders.settings.escalate')}
          {number('sendHour', 'reminders.settings.sendHour')}
          {number('digestHour', 'reminders.settings.digestHour')}
          <Button
            variant="contained"
            onClick={() =>
              notified(async () => {
                const saved = await remindersApi.saveSettings({
                  ...value,
                  offsets: offsets
                    .split(/[,，\s]+/)
                    .filter(Boolean)
                    .map(Number),
                });
                setValue(saved);
                setOffsets(saved.offsets.join(', '));
              }, 'reminders.done')
            }
          >
            {translate('reminders.action.save')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The menu's "job queues": fetches a one-minute signed link and opens bull-board with it. */
export const QueueBoardPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  useEffect(() => {
    remindersApi.boardLink().then(
      ({ url }) => window.location.assign(url),
      (error: Error) => notify(error.message, { type: 'error' }),
    );
  }, [notify]);
  return <Typography sx={{ m: 3 }}>{translate('reminders.board.opening')}</Typography>;
};
