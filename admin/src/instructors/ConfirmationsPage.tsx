import CheckIcon from '@mui/icons-material/TaskAlt';
import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Loading,
  required,
  SelectInput,
  TextInput,
  Title,
  useCanAccess,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { useCommand } from '../dataProvider/useCommand';
import type { ConfirmationGrid, InstructorsDataProvider } from './dataProvider';

const COLOURS = {
  confirmed: { bg: '#c8e6c9', fg: '#1b5e20', mark: '✓' },
  missing: { bg: '#ffcdd2', fg: '#b71c1c', mark: '✕' },
  due: { bg: '#e0e0e0', fg: '#424242', mark: '…' },
  none: { bg: 'transparent', fg: '#bdbdbd', mark: '' },
} as const;

type Organisation = ConfirmationGrid['organisations'][number];

/** Confirms a month (this one, or one left missing) for one affiliated organisation. */
const ConfirmButton = ({ org }: { org: Organisation }) => {
  const [open, setOpen] = useState(false);
  const open_ = org.cells.filter((c) => c.status === 'due' || c.status === 'missing').map((c) => c.month);
  const confirm = useCommand<InstructorsDataProvider, Record<string, unknown>>(
    (dataProvider, values) =>
      dataProvider.confirmOrgLife({
        orgId: org.orgId,
        month: String(values.month),
        note: (values.note as string) || null,
      }),
    { success: (values) => ['instructors.confirm.confirmed', { month: values.month }] },
  );
  if (!open_.length) return null;
  return (
    <>
      <Button label="instructors.confirm.action" onClick={() => setOpen(true)}>
        <CheckIcon />
      </Button>
      <CommandDialog
        open={open}
        title={org.orgName ?? org.orgId}
        submitLabel="instructors.confirm.action"
        onClose={() => setOpen(false)}
        onSubmit={(values) => confirm.mutateAsync(values)}
        record={{ month: open_[open_.length - 1] }}
      >
        <SelectInput
          source="month"
          label="resources.instructor-visits.fields.month"
          choices={open_.map((month) => ({ id: month, name: month }))}
          validate={required()}
        />
        <TextInput source="note" label="instructors.visit.note" multiline fullWidth />
      </CommandDialog>
    </>
  );
};

/**
 * 挂靠组织月度确认 (C6): each affiliated organisation × the last twelve months, confirmed green, missing
 * red, this month grey; its secretary (or the bureau) confirms a month.
 */
export const ConfirmationsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<InstructorsDataProvider>();
  const { canAccess: canConfirm = false } = useCanAccess({ resource: 'org-life-confirmations', action: 'create' });
  const { data, isPending, error } = useQuery({
    queryKey: ['org-life-confirmations', 'grid'],
    queryFn: () => dataProvider.getOrgLifeConfirmations({}).then((r) => r.data),
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('instructors.confirm.title')} />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : !data.organisations.length ? (
          <Alert severity="info">{translate('instructors.confirm.empty')}</Alert>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={translate('instructors.confirm.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.org-life-confirmations.fields.orgName')}</TableCell>
                  {data.months.map((month) => (
                    <TableCell key={month} align="center">
                      {month}
                    </TableCell>
                  ))}
                  <TableCell align="right">{translate('instructors.confirm.missing')}</TableCell>
                  {canConfirm && <TableCell />}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.organisations.map((org) => (
                  <TableRow key={org.orgId}>
                    <TableCell>{org.orgName ?? org.orgId}</TableCell>
                    {org.cells.map((cell) => (
                      <TableCell
                        key={cell.month}
                        align="center"
                        data-month={cell.month}
                        data-status={cell.status}
                        title={translate(`instructors.confirm.${cell.status === 'confirmed' ? 'done' : cell.status}`)}
                        sx={{
                          bgcolor: COLOURS[cell.status].bg,
                          color: COLOURS[cell.status].fg,
                          border: '1px solid #fff',
                        }}
                      >
                        {COLOURS[cell.status].mark}
                      </TableCell>
                    ))}
                    <TableCell align="right">{org.missing}</TableCell>
                    {canConfirm && (
                      <TableCell>
                        <ConfirmButton org={org} />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
