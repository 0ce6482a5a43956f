import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useState } from 'react';
import {
  Button,
  DateInput,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import { positionTitleChoices } from '../orgKinds';
import { PickByName } from '../../../common/PickByName';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 任职: a member of this organisation takes a post, with any cross appointment (双向进入、交叉任职). */
export const AssignPositionButton = () => {
  const org = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const assign = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.assignPosition(org!.id, {
        memberId: String(values.memberId),
        title: String(values.title),
        from: String(values.from),
        ...(values.crossAppointment ? { crossAppointment: String(values.crossAppointment) } : {}),
      }),
    {
      success: ({ title }) => [
        'commands.assign_position_done',
        { title: translate(`choices.positionTitle.${title}`, { _: String(title) }) },
      ],
    },
  );
  if (!org) return null;
  return (
    <>
      <Button label="commands.assign_position" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.assign_position"
        submitLabel="commands.assign_position"
        onClose={() => setOpen(false)}
        onSubmit={(values) => assign.mutateAsync(values)}
        record={{ from: today() }}
      >
        <PickByName
          source="memberId"
          reference="members"
          filter={{ orgId: org.id, status: 'active' }}
          label="commands.member"
          validate={required()}
        />
        <SelectInput source="title" label="commands.title" choices={positionTitleChoices} validate={required()} />
        <DateInput source="from" label="commands.from" validate={required()} />
        <TextInput
          source="crossAppointment"
          label="commands.cross_appointment"
          helperText="commands.cross_appointment_help"
          validate={maxLength(50)}
        />
      </CommandDialog>
    </>
  );
};
