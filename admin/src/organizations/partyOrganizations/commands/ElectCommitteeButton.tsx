import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateInput,
  NumberInput,
  maxValue,
  minValue,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../../../common/CommandDialog';
import { useCommand } from '../../../dataProvider/useCommand';
import { today } from '../../../i18n/dates';
import type { OrganizationsDataProvider } from '../../dataProvider';

/** 选举委员会 / 换届: a term from the election date; branches serve 3 years, Party committees 5. */
export const ElectCommitteeButton = () => {
  const org = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const elect = useCommand<OrganizationsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.electCommittee(org!.id, {
        termStart: String(values.termStart),
        termYears: Number(values.termYears),
      }),
    { success: ({ termStart }) => ['commands.elect_committee_done', { date: termStart }] },
  );
  if (!org) return null;
  return (
    <>
      <Button label="commands.elect_committee" onClick={() => setOpen(true)}>
        <HowToVoteIcon />
      </Button>
      <CommandDialog
        open={open}
        title="commands.elect_committee"
        submitLabel="commands.elect_committee"
        onClose={() => setOpen(false)}
        onSubmit={(values) => elect.mutateAsync(values)}
        record={{ termStart: today(), termYears: org.kind === 'basic_party_committee' ? 5 : 3 }}
      >
        <Typography variant="body2" gutterBottom>
          {translate('commands.elect_committee_help', { name: org.name })}
        </Typography>
        <DateInput source="termStart" label="commands.term_start" validate={required()} />
        <NumberInput
          source="termYears"
          label="commands.term_years"
          validate={[required(), minValue(1), maxValue(5)]}
          min={1}
          max={5}
        />
      </CommandDialog>
    </>
  );
};
