import { Chip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  CheckboxGroupInput,
  DataTable,
  List,
  required,
  TextInput,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import type { NoticesDataProvider } from './dataProvider';

const F = 'resources.notice-inbox.fields';

/** The notice's title, opening its page (rows do not: their buttons open dialogs). */
const TitleLink = (_props: { source?: string }) => {
  const row = useRecordContext();
  if (!row) return null;
  return <Link to={`/criticism-notices/${row.noticeId}/show`}>{row.title}</Link>;
};

const AcknowledgedField = (_props: { source?: string }) => {
  const row = useRecordContext();
  const translate = useTranslate();
  if (!row) return null;
  return row.acknowledgedOn ? (
    <span>{row.acknowledgedOn}</span>
  ) : (
    <Chip size="small" color="error" label={translate('notices.inbox.notAcknowledged')} />
  );
};

const RectificationField = (_props: { source?: string }) => {
  const row = useRecordContext();
  const translate = useTranslate();
  if (!row?.criticised) return null;
  return (
    <Chip
      size="small"
      color={row.rectification === 'reported' ? 'success' : 'warning'}
      label={`${translate('notices.inbox.criticised')} · ${translate(`choices.rectification.${row.rectification}`)}`}
      title={row.sentBackReason ?? undefined}
    />
  );
};

/** 签收: the secretary's read receipt for the row's unit. */
const AcknowledgeButton = () => {
  const row = useRecordContext();
  const acknowledge = useCommand<NoticesDataProvider, void>((dp) => dp.acknowledgeNotice(row!.noticeId, row!.unitId), {
    success: 'notices.done.acknowledged',
  });
  if (!row || row.acknowledgedOn) return null;
  return (
    <Button
      label="notices.action.acknowledge"
      variant="contained"
      disabled={acknowledge.isPending}
      onClick={(event) => {
        event.stopPropagation();
        acknowledge.mutate();
      }}
    />
  );
};

/** 整改报告: what the criticised unit did, citing evidence on file for its organisations. */
const RectifyButton = () => {
  const row = useRecordContext();
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const { data: evidence = [] } = useQuery({
    queryKey: ['notice-inbox', 'evidence', row?.noticeId, row?.unitId],
    queryFn: () => dataProvider.getNoticeEvidenceChoices(row!.noticeId, row!.unitId).then(({ data }) => data),
    enabled: open,
  });
  const report = useCommand<NoticesDataProvider, Record<string, unknown>>(
    (dp, values) =>
      dp.reportRectification(row!.noticeId, {
        unitId: row!.unitId,
        report: values.report,
        evidenceIds: values.evidenceIds ?? [],
      }),
    { success: 'notices.done.reported' },
  );
  if (!row?.criticised || row.rectification === 'reported' || row.status === 'closed') return null;
  return (
    <>
      <Button
        label="notices.action.rectify"
        variant="outlined"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      />
      <CommandDialog
        open={open}
        title="notices.action.rectify"
        submitLabel="notices.action.rectify"
        onClose={() => setOpen(false)}
        onSubmit={(values) => report.mutateAsync(values)}
      >
        <TextInput source="report" label={`${F}.report`} validate={required()} fullWidth multiline minRows={4} />
        <CheckboxGroupInput
          source="evidenceIds"
          label={`${F}.evidenceIds`}
          choices={evidence.map((e) => ({ id: e.id, name: `${e.title ?? e.name}（${e.on}）` }))}
          row={false}
        />
      </CommandDialog>
    </>
  );
};

const filters = [<BooleanInput key="unread" source="unread" alwaysOn />];

/** How many are not acknowledged: the page's badge, beside the menu's dot. */
const UnreadCount = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const { data } = useQuery({
    queryKey: ['notice-inbox', 'unread'],
    queryFn: () => dataProvider.getNoticeUnread().then(({ data }) => data.unread),
  });
  return (
    <Chip
      color={data ? 'error' : 'default'}
      label={translate('notices.inbox.unread', { count: data ?? 0 })}
      data-testid="notice-unread-count"
      sx={{ m: 1 }}
    />
  );
};

/** A secretary's notices to read (待阅通报): one row per notice and unit of theirs, unacknowledged first to act on. */
export const InboxList = () => {
  const { canAccess: canAct = false } = useCanAccess({ resource: 'notice-inbox', action: 'create' });
  return (
    <List filters={filters} sort={{ field: 'circulatedOn', order: 'DESC' }} actions={<UnreadCount />} empty={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="documentNumber" disableSort />
        <DataTable.Col source="title" disableSort field={TitleLink} />
        <DataTable.Col source="unitName" disableSort />
        <DataTable.Col source="circulatedOn" />
        <DataTable.Col source="acknowledgeBy" disableSort />
        <DataTable.Col source="acknowledgedOn" field={AcknowledgedField} />
        <DataTable.Col source="rectification" field={RectificationField} disableSort />
        {canAct && (
          <DataTable.Col label={false}>
            <AcknowledgeButton />
            <RectifyButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};
