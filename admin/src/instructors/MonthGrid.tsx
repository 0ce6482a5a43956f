import { Box, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Calendar, MonthStatus } from './dataProvider';

/** Green visited, red missed, grey due this month; pale for months to come or not dispatched. */
export const STATUS_COLOURS: Record<MonthStatus, { bg: string; fg: string }> = {
  visited: { bg: '#c8e6c9', fg: '#1b5e20' },
  missed: { bg: '#ffcdd2', fg: '#b71c1c' },
  due: { bg: '#e0e0e0', fg: '#424242' },
  upcoming: { bg: '#fafafa', fg: '#9e9e9e' },
  none: { bg: 'transparent', fg: '#bdbdbd' },
};

/** MM月 for a column head; the year when it changes. */
const monthLabel = (month: string, index: number) =>
  index === 0 || month.slice(5) === '01'
    ? `${month.slice(0, 4)}年${Number(month.slice(5))}月`
    : `${Number(month.slice(5))}月`;

/** The calendar: one row per instructor × unit, one cell per month, coloured by its status. */
export const MonthGrid = ({ calendar, showInstructor }: { calendar: Calendar; showInstructor: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('instructors.calendar.title')}>
        <TableHead>
          <TableRow>
            {showInstructor && (
              <TableCell>{translate('resources.instructor-dispatches.fields.instructorName')}</TableCell>
            )}
            <TableCell>{translate('instructors.calendar.unit')}</TableCell>
            {calendar.months.map((month, i) => (
              <TableCell key={month} align="center">
                {monthLabel(month, i)}
              </TableCell>
            ))}
            <TableCell align="right">{translate('instructors.calendar.missed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {calendar.rows.map((row) => (
            <TableRow key={`${row.instructorId}:${row.unitId}`}>
              {showInstructor && <TableCell>{row.instructorName ?? row.instructorId}</TableCell>}
              <TableCell>{row.unitName ?? row.unitId}</TableCell>
              {row.cells.map((cell) => {
                const colour = STATUS_COLOURS[cell.status];
                const label = translate(`instructors.calendar.${cell.status}`);
                return (
                  <Tooltip key={cell.month} title={[label, ...cell.visitDays].join(' ')}>
                    <TableCell
                      align="center"
                      data-month={cell.month}
                      data-status={cell.status}
                      aria-label={`${row.unitName ?? ''} ${cell.month} ${label}`}
                      sx={{ bgcolor: colour.bg, color: colour.fg, fontWeight: 600, border: '1px solid #fff' }}
                    >
                      {cell.status === 'visited'
                        ? cell.visits
                        : cell.status === 'missed'
                          ? '✕'
                          : cell.status === 'due'
                            ? '…'
                            : ''}
                    </TableCell>
                  </Tooltip>
                );
              })}
              <TableCell align="right">{row.missed}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
