import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, DateInput, required, TextInput, useCanAccess, useRecordContext } from 'react-admin';
import { CommandButton } from '../common/CommandButton';
import { useCommand } from '../dataProvider/useCommand';
import { shanghaiToday, type NoticesDataProvider } from './dataProvider';

type Send = (dataProvider: NoticesDataProvider, values: Record<string, unknown>) => Promise<{ data: unknown }>;

/** One step of the workflow: a button, and a dialog when the step asks for something (a number, a day, a reason). */
const Step = ({
  label,
  done,
  send,
  fields,
  initial,
}: {
  label: string;
  done: string;
  send: Send;
  fields?: ReactNode;
  initial?: Record<string, unknown>;
}) => {
  const command = useCommand<NoticesDataProvider, Record<string, unknown>, unknown>(send, { success: done });
  if (!fields)
    return <Button label={label} variant="outlined" disabled={command.isPending} onClick={() => command.mutate({})} />;
  return (
    <CommandButton label={label} record={initial} onSubmit={(values) => command.mutateAsync(values)}>
      {fields}
    </CommandButton>
  );
};

const F = 'resources.criticism-notices.fields';

/** The bureau's next steps for the notice as it stands, each guarded by the stream's revision the page shows. */
export const NoticeActions = () => {
  const record = useRecordContext();
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'criticism-notices', action: 'edit' });
  const { canAccess: canApprove = false } = useCanAccess({ resource: 'criticism-notices', action: 'approve' });
  if (!record) return null;
  const id = record.id;
  const expectedRevision = record.revision as number;
  const steps: ReactNode[] = [];
  if (canEdit && record.status === 'draft')
    steps.push(
      // The words of a draft; its units and facts are kept as drafted (a new draft picks others).
      <Step
        key="edit"
        label="ra.action.edit"
        done="notices.done.edited"
        initial={{ title: record.title, reason: record.reason, body: record.body }}
        send={(dp, v) =>
          dp.editNotice(id, {
            title: v.title,
            reason: v.reason,
            body: v.body || null,
            unitIds: record.unitIds,
            facts: record.facts,
            expectedRevision,
          })
        }
        fields={
          <>
            <TextInput source="title" label={`${F}.title`} validate={required()} fullWidth />
            <TextInput source="reason" label={`${F}.reason`} validate={required()} fullWidth multiline />
            <TextInput source="body" label={`${F}.body`} fullWidth multiline minRows={4} />
          </>
        }
      />,
    );
  if (canEdit && record.status === 'draft')
    steps.push(
      <Step
        key="submit"
        label="notices.action.submit"
        done="notices.done.submitted"
        send={(dp) => dp.submitNotice(id, { expectedRevision })}
      />,
    );
  if (canApprove && record.status === 'submitted')
    steps.push(
      <Step
        key="approve"
        label="notices.action.approve"
        done="notices.done.approved"
        send={(dp, v) => dp.approveNotice(id, { comment: v.comment || null, expectedRevision })}
        fields={<TextInput source="comment" label={`${F}.comment`} fullWidth multiline />}
      />,
      <Step
        key="return"
        label="notices.action.return"
        done="notices.done.returned"
        send={(dp, v) => dp.returnNotice(id, { reason: v.reason, expectedRevision })}
        fields={<TextInput source="reason" label={`${F}.reason`} validate={required()} fullWidth multiline />}
      />,
    );
  if (canEdit && record.status === 'approved')
    steps.push(
      <Step
        key="issue"
        label="notices.action.issue"
        done="notices.done.issued"
        initial={{ issuedOn: shanghaiToday() }}
        send={(dp, v) =>
          dp.issueNotice(id, { documentNumber: v.documentNumber, issuedOn: v.issuedOn, expectedRevision })
        }
        fields={
          <>
            <TextInput
              source="documentNumber"
              label={`${F}.documentNumber`}
              validate={required()}
              helperText="蒲教党发〔2026〕12号"
              fullWidth
            />
            <DateInput source="issuedOn" label={`${F}.issuedOn`} validate={required()} />
          </>
        }
      />,
    );
  if (canEdit && record.status === 'issued')
    steps.push(
      <Step
        key="circulate"
        label="notices.action.circulate"
        done="notices.done.circulated"
        initial={{ circulatedOn: shanghaiToday() }}
        send={(dp, v) => dp.circulateNotice(id, { circulatedOn: v.circulatedOn, expectedRevision })}
        fields={<DateInput source="circulatedOn" label={`${F}.circulatedOn`} validate={required()} />}
      />,
    );
  if (canEdit && record.status === 'circulated')
    steps.push(
      <Step key="urge" label="notices.action.urge" done="notices.done.urged" send={(dp) => dp.urgeNotice(id)} />,
      <Step
        key="close"
        label="notices.action.close"
        done="notices.done.closed"
        initial={{ closedOn: shanghaiToday() }}
        send={(dp, v) => dp.closeNotice(id, { closedOn: v.closedOn, comment: v.comment || null })}
        fields={
          <>
            <DateInput source="closedOn" label={`${F}.closedOn`} validate={required()} />
            <TextInput source="comment" label={`${F}.comment`} fullWidth multiline />
          </>
        }
      />,
    );
  if (!steps.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2 }} data-testid="notice-actions">
      {steps}
    </Stack>
  );
};

/** The bureau sends one unit's rectification report back with a reason. */
export const SendBackButton = ({ noticeId, unitId }: { noticeId: string; unitId: string }) => {
  const { canAccess = false } = useCanAccess({ resource: 'criticism-notices', action: 'edit' });
  if (!canAccess) return null;
  return (
    <Step
      label="notices.action.sendBack"
      done="notices.done.sentBack"
      send={(dp, v) => dp.sendBackRectification(noticeId, { unitId, reason: v.reason })}
      fields={<TextInput source="reason" label={`${F}.reason`} validate={required()} fullWidth multiline />}
    />
  );
};
