import { Alert } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  Button,
  DateInput,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import { today } from '../i18n/dates';
import { meetingKindChoices } from './choices';
import type { OrgLifeDataProvider } from './dataProvider';

interface Quorum {
  entitled: number;
  present: number;
  quorate: boolean;
}

/** A general meeting's quorum: reached, or the rule it broke in the server's own words. */
const QuorumBox = () => {
  const record = useRecordContext<{ quorum: Quorum | null; warning?: { messages: { zh: string; en: string } } }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.quorum) return null;
  if (record.quorum.quorate)
    return <Alert severity="success">{translate('resources.organizational-life.quorate', record.quorum)}</Alert>;
  return (
    <Alert severity="warning" role="alert">
      {translate('resources.organizational-life.not_quorate')}：
      {record.warning?.messages[locale === 'en' ? 'en' : 'zh']}
    </Alert>
  );
};

const CommentButton = () => {
  const record = useRecordContext<{ id: string; kind: string }>();
  const [open, setOpen] = useState(false);
  const { canAccess = false } = useCanAccess({ resource: 'organizational-life', action: 'edit' });
  const { mutateAsync } = useCommand(
    (dp: OrgLifeDataProvider, values: { comment: string; on: string }) => dp.commentLesson(record!.id, values),
    { success: 'resources.organizational-life.commented' },
  );
  if (!record || record.kind !== 'party_lesson' || !canAccess) return null;
  return (
    <>
      <Button label="resources.organizational-life.comment" onClick={() => setOpen(true)} />
      <CommandDialog
        open={open}
        title="resources.organizational-life.comment"
        submitLabel="resources.organizational-life.comment"
        onClose={() => setOpen(false)}
        record={{ on: today() }}
        onSubmit={(values) => mutateAsync(values as { comment: string; on: string })}
      >
        <TextInput source="comment" multiline fullWidth validate={required()} />
        <DateInput source="on" label="resources.organizational-life.fields.commentedOn" validate={required()} />
      </CommandDialog>
    </>
  );
};

/** One meeting: what, when, who attended, the quorum of a general meeting, a lesson's comment. */
export const MeetingShow = () => (
  <Show
    actions={
      <TopToolbar>
        <CommentButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <QuorumBox />
      <TextField source="orgName" />
      <SelectField source="kind" choices={meetingKindChoices} />
      <TextField source="heldOn" />
      <TextField source="topic" />
      <NumberField source="presentCount" />
      <NumberField source="absentWithLeaveCount" />
      <NumberField source="absentCount" />
      <BooleanField source="counts" />
      <TextField source="lessonGroup" emptyText="—" />
      <TextField source="comment" emptyText="—" />
      <TextField source="commentedOn" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
