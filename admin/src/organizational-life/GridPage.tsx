import {
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { today } from '../i18n/dates';
import type { GridStatus, OrgLifeDataProvider } from './dataProvider';

const COLOURS: Record<GridStatus, string> = {
  held: '#a5d6a7',
  covered: '#e8f5e9',
  open: '#fff8e1',
  missing: '#ef9a9a',
  due: '#ffe082',
  future: '#f5f5f5',
  'not-owed': '#eeeeee',
  untracked: '#fafafa',
};

/**
 * Organisational life per branch: pick a branch and a year; each kind of meeting (B1–B7) by month, with the
 * meetings held and the periods missed (red), due (yellow) or met (green). `#/organizational-life/grid`.
 */
export const GridPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<OrgLifeDataProvider>();
  const [orgId, setOrgId] = useState('');
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const branches = useQuery({
    queryKey: ['organizational-life', 'branches'],
    queryFn: async () => (await dataProvider.getOrgLifeBranches()).data,
  });
  const chosen = orgId || branches.data?.[0]?.id || '';
  const grid = useQuery({
    queryKey: ['organizational-life', 'grid', chosen, year],
    queryFn: async () => (await dataProvider.getOrgLifeGrid(chosen, year)).data,
    enabled: !!chosen,
  });
  const thisYear = Number(today().slice(0, 4));
  return (
    <Paper sx={{ p: 2, mt: 1 }}>
      <Title title="resources.orglife-branches.grid" />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField
          select
          label={translate('resources.orglife-branches.fields.name')}
          value={chosen}
          onChange={(e) => setOrgId(e.target.value)}
          sx={{ minWidth: 320 }}
          slotProps={{ htmlInput: { 'aria-label': translate('resources.orglife-branches.fields.name') } }}
        >
          {(branches.data ?? []).map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.name}（{translate('resources.orglife-branches.fields.missedThisYear')} {b.missedThisYear}）
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={translate('resources.orglife-branches.year')}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.orglife-branches.legend')}
      </Typography>
      {grid.data && (
        <Table size="small" aria-label={translate('resources.orglife-branches.grid')}>
          <TableHead>
            <TableRow>
              <TableCell />
              {grid.data.months.map((month) => (
                <TableCell key={month} align="center">
                  {Number(month.slice(5))}月
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {grid.data.rows.map((row) => (
              <TableRow key={row.kind}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {row.code} {translate(`choices.meetingKind.${row.kind}`)}
                </TableCell>
                {row.cells.map((cell) => (
                  <TableCell
                    key={cell.month}
                    align="center"
                    data-kind={row.kind}
                    data-month={cell.month}
                    data-status={cell.status}
                    title={translate(`choices.gridStatus.${cell.status}`)}
                    sx={{ backgroundColor: COLOURS[cell.status], border: '1px solid #fff' }}
                  >
                    {cell.held > 0 ? cell.held : ''}
                    {cell.notQuorate > 0 ? `（${cell.notQuorate}✕）` : ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
};
