import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  CheckboxGroupInput,
  DateInput,
  Loading,
  required,
  TextInput,
  Title,
  useCanAccess,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { PickByName } from '../common/PickByName';
import { useCommand } from '../dataProvider/useCommand';
import { VISIT_DUTIES } from '../../../src/instructors/instructors.events.js';
import type { InstructorsDataProvider } from './dataProvider';
import { MonthGrid, STATUS_COLOURS } from './MonthGrid';

const dutyChoices = VISIT_DUTIES.map((id) => ({ id, name: `choices.visitDuty.${id}` }));

/** Today in Asia/Shanghai, as the form's default visit date. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Logs a visit: the instructor their own (units they may see; the server checks the dispatch), the bureau naming one. */
const LogVisitButton = ({ instructorId }: { instructorId?: string }) => {
  const [open, setOpen] = useState(false);
  const log = useCommand<InstructorsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.logInstructorVisit({
        ...(instructorId ? { instructorId } : {}),
        unitId: values.unitId,
        visitedOn: values.visitedOn,
        duties: values.duties,
        note: values.note || null,
      }),
    { success: 'instructors.visit.logged' },
  );
  return (
    <>
      <Button label="instructors.visit.log" onClick={() => setOpen(true)} variant="contained">
        <AddIcon />
      </Button>
      <CommandDialog
        open={open}
        title="instructors.visit.log"
        submitLabel="instructors.visit.log"
        onClose={() => setOpen(false)}
        onSubmit={(values) => log.mutateAsync(values)}
        record={{ visitedOn: shanghaiToday(), duties: ['publicise_policy'] }}
      >
        <PickByName source="unitId" reference="units" label="instructors.visit.unit" validate={required()} />
        <DateInput source="visitedOn" label="instructors.visit.visitedOn" validate={required()} />
        <CheckboxGroupInput source="duties" label="instructors.visit.duties" choices={dutyChoices} row={false} />
        <TextInput source="note" label="instructors.visit.note" multiline fullWidth />
      </CommandDialog>
    </>
  );
};

const Legend = () => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap' }}>
      {(['visited', 'missed', 'due', 'upcoming'] as const).map((status) => (
        <Box
          key={status}
          sx={{ px: 1, bgcolor: STATUS_COLOURS[status].bg, color: STATUS_COLOURS[status].fg, borderRadius: 1 }}
        >
          {translate(`instructors.calendar.${status}`)}
        </Box>
      ))}
      <Typography variant="caption" sx={{ alignSelf: 'center' }}>
        {translate('instructors.calendar.legend')}
      </Typography>
    </Stack>
  );
};

/** One instructor's calendar (their own for an instructor; the picked one for the bureau). */
const InstructorCalendar = ({ instructorId, canLog }: { instructorId?: string; canLog: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<InstructorsDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['instructor-calendar', 'calendar', instructorId ?? 'me'],
    queryFn: () => dataProvider.getInstructorCalendar({ instructorId }).then((r) => r.data),
  });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6">
          {instructorId ? (data.rows[0]?.instructorName ?? instructorId) : translate('instructors.calendar.mine')}
        </Typography>
        {canLog && <LogVisitButton instructorId={instructorId} />}
      </Stack>
      <Legend />
      {data.rows.length ? (
        <MonthGrid calendar={data} showInstructor={false} />
      ) : (
        <Alert severity="info">{translate('instructors.calendar.empty')}</Alert>
      )}
    </Box>
  );
};

/** The bureau's overview: every instructor with their missed months in the last year, most missed first. */
const Overview = ({ onPick }: { onPick: (instructorId: string) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<InstructorsDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['instructor-calendar', 'overview'],
    queryFn: () => dataProvider.getInstructorOverview({}).then((r) => r.data),
  });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Box>
      <Typography variant="h6">{translate('instructors.calendar.overview')}</Typography>
      <Typography variant="caption">
        {data.months[0]} – {data.months[data.months.length - 1]}
      </Typography>
      <Table size="small" aria-label={translate('instructors.calendar.overview')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.instructor-dispatches.fields.instructorName')}</TableCell>
            <TableCell align="right">{translate('instructors.calendar.units')}</TableCell>
            <TableCell align="right">{translate('instructors.calendar.visitedMonths')}</TableCell>
            <TableCell align="right">{translate('instructors.calendar.missedMonths')}</TableCell>
            <TableCell align="right">{translate('instructors.calendar.due')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.instructors.map((row) => (
            <TableRow key={row.instructorId} hover>
              <TableCell>
                <MuiLink component="button" onClick={() => onPick(row.instructorId)}>
                  {row.instructorName ?? row.instructorId}
                </MuiLink>
              </TableCell>
              <TableCell align="right">{row.units}</TableCell>
              <TableCell align="right">{row.visited}</TableCell>
              <TableCell
                align="right"
                sx={row.missed ? { color: STATUS_COLOURS.missed.fg, fontWeight: 600 } : undefined}
              >
                {row.missed}
              </TableCell>
              <TableCell align="right">{row.due}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * 指导员日历: for an instructor their own months × units (visited green with counts, missed red, this month
 * grey) and the visit form; for the bureau and auditors the overview of all instructors, one picked.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const { canAccess: bureau = false } = useCanAccess({ resource: 'instructor-dispatches', action: 'create' });
  const { canAccess: canLog = false } = useCanAccess({ resource: 'instructor-visits', action: 'create' });
  const { canAccess: seesAll = false } = useCanAccess({ resource: 'org-life-confirmations', action: 'list' });
  const [picked, setPicked] = useState<string | undefined>();
  // The bureau and auditors see every instructor (the overview); an instructor or a secretary what the server scopes.
  const overview = bureau || (seesAll && !canLog);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('instructors.calendar.title')} />
      <CardContent>
        {overview ? (
          <Stack spacing={3}>
            {picked && <InstructorCalendar instructorId={picked} canLog={bureau} />}
            <Overview onPick={setPicked} />
          </Stack>
        ) : (
          <InstructorCalendar canLog={canLog} />
        )}
      </CardContent>
    </Card>
  );
};
