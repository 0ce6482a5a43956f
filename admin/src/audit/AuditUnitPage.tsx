import GridIcon from '@mui/icons-material/GridOn';
import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Slider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Loading, Title, useLocaleState, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useParams } from 'react-router-dom';
import { eventLabel } from './activityEvent';
import { auditApi, type Point, type ScoreAtPoint, type ScoreDiff, type TimelineLine } from './auditApi';
import { Correlated } from './Correlated';
import { Actor, EventData, When } from './EventParts';

type Bilingual = { zh: string; en: string };

/** The features whose events a timeline can be narrowed to (src/features.ts names). */
export const FEATURES = [
  'organizations',
  'development',
  'pairing',
  'auth',
  'instructors',
  'organizational-life',
  'evidence',
  'assessment',
  'audit',
] as const;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

const useText = () => {
  const [locale] = useLocaleState();
  return (value: Bilingual | undefined) => (value ? (locale.startsWith('en') ? value.en : value.zh) : '');
};

/** The log's verification status: from GET /api/integrity when the app has it, "not checked" otherwise. */
const VerificationChip = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['audit', 'integrity'], queryFn: auditApi.verification });
  const ok = data?.ok ?? null;
  return (
    <Chip
      data-testid="verification-status"
      color={ok === null ? 'default' : ok ? 'success' : 'error'}
      label={`${translate('audit.verification')}：${translate(
        ok === null ? 'audit.not_checked' : ok ? 'audit.verified' : 'audit.failed',
      )}`}
    />
  );
};

/** A point of the year: "as of" a business date or "as known at" a record date, picked on a slider of days. */
const PointPicker = ({
  label,
  point,
  onChange,
  first,
  last,
  testId,
}: {
  label: string;
  point: Point;
  onChange: (point: Point) => void;
  first: string;
  last: string;
  testId: string;
}) => {
  const translate = useTranslate();
  const [day, setDay] = useState(dayNumber(point.date));
  return (
    <Box data-testid={testId} sx={{ minWidth: 320, flex: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ whiteSpace: 'nowrap' }}>
          {label}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={point.mode}
          onChange={(_, mode: Point['mode'] | null) => mode && onChange({ ...point, mode })}
        >
          <ToggleButton value="asOf" sx={{ whiteSpace: 'nowrap' }}>
            {translate('audit.as_of')}
          </ToggleButton>
          <ToggleButton value="knownAt" sx={{ whiteSpace: 'nowrap' }}>
            {translate('audit.known_at')}
          </ToggleButton>
        </ToggleButtonGroup>
        <TextField
          size="small"
          type="date"
          value={point.date}
          slotProps={{ htmlInput: { min: first, max: last, 'aria-label': `${label} ${translate('audit.date')}` } }}
          onChange={(event) => {
            if (!event.target.value) return;
            setDay(dayNumber(event.target.value));
            onChange({ ...point, date: event.target.value });
          }}
        />
      </Stack>
      <Slider
        aria-label={`${label} ${translate('audit.slider')}`}
        min={dayNumber(first)}
        max={dayNumber(last)}
        value={day}
        valueLabelDisplay="auto"
        valueLabelFormat={dayOf}
        onChange={(_, value) => setDay(value as number)}
        onChangeCommitted={(_, value) => onChange({ ...point, date: dayOf(value as number) })}
      />
    </Box>
  );
};

/** The score at a point, every line with the events behind it; a click on an event shows it in the timeline. */
const ScoreAt = ({
  at,
  onEvents,
  changed,
}: {
  at: ScoreAtPoint;
  onEvents: (ids: string[]) => void;
  changed?: Set<string>;
}) => {
  const translate = useTranslate();
  const text = useText();
  if (!at.score || !at.version) return <Alert severity="info">{translate('audit.no_rules')}</Alert>;
  return (
    <Box>
      <Typography variant="h6" data-testid="score-total">
        {translate('audit.total')}：{at.score.total} · {text(at.score.grade.name)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('audit.point_summary', {
          version: at.version.version,
          effectiveOn: at.version.effectiveOn,
          asOf: at.asOf,
          events: at.eventCount,
        })}
      </Typography>
      {at.score.sections.map((section) => (
        <Box key={section.section} sx={{ mt: 1 }}>
          <Typography variant="subtitle2">
            {text(section.title)}：{section.points} / {section.maxPoints}
          </Typography>
          <Table size="small">
            <TableBody>
              {section.items
                .filter((item) => item.points !== 0 || item.events.length > 0)
                .map((item, index) => {
                  const key = [section.section, item.indicator ?? '', item.kind, item.period].join('|');
                  return (
                    <TableRow key={index} sx={changed?.has(key) ? { backgroundColor: 'warning.light' } : undefined}>
                      <TableCell>{item.indicator ? text(item.title) : text(item.note)}</TableCell>
                      <TableCell>{item.period}</TableCell>
                      <TableCell align="right">{item.points > 0 ? `+${item.points}` : item.points}</TableCell>
                      <TableCell>
                        {item.events.length > 0 && (
                          <Button size="small" onClick={() => onEvents(item.events.map((event) => event.id))}>
                            {translate('audit.events_behind', { count: item.events.length })}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
};

/** Two points side by side: what changed, by how much, and the events that changed it. */
const DiffView = ({ diff, onEvents }: { diff: ScoreDiff; onEvents: (ids: string[]) => void }) => {
  const translate = useTranslate();
  const text = useText();
  const changed = new Set(
    diff.lines.map((line) => [line.section, line.indicator ?? '', line.kind, line.period].join('|')),
  );
  return (
    <Box data-testid="diff">
      <Alert severity={diff.total.change ? 'warning' : 'success'} sx={{ mb: 1 }}>
        {translate('audit.diff_summary', {
          change:
            diff.total.change === null ? '—' : diff.total.change > 0 ? `+${diff.total.change}` : diff.total.change,
          added: diff.added.length,
          removed: diff.removed.length,
        })}
      </Alert>
      {diff.lines.length > 0 && (
        <Table size="small" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('audit.line')}</TableCell>
              <TableCell>{translate('audit.period')}</TableCell>
              <TableCell align="right">A</TableCell>
              <TableCell align="right">B</TableCell>
              <TableCell align="right">{translate('audit.change')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {diff.lines.map((line, index) => (
              <TableRow key={index}>
                <TableCell>
                  {text(line.sectionTitle)} · {text(line.title)}
                </TableCell>
                <TableCell>{line.period}</TableCell>
                <TableCell align="right">{line.from}</TableCell>
                <TableCell align="right">{line.to}</TableCell>
                <TableCell align="right">{line.change > 0 ? `+${line.change}` : line.change}</TableCell>
                <TableCell>
                  {line.eventsAdded.length + line.eventsRemoved.length > 0 && (
                    <Button size="small" onClick={() => onEvents([...line.eventsAdded, ...line.eventsRemoved])}>
                      {translate('audit.events_behind', { count: line.eventsAdded.length + line.eventsRemoved.length })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {diff.added.length > 0 && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="diff-added">
          {translate('audit.added')}：
          {diff.added
            .map((event) => `#${event.position} ${eventLabel(translate, event.type)}`)
            .join(translate('activity.next_item'))}
        </Typography>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="overline">A</Typography>
            <ScoreAt at={diff.from} onEvents={onEvents} changed={changed} />
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="overline">B</Typography>
            <ScoreAt at={diff.to} onEvents={onEvents} changed={changed} />
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};

interface TimelineFilter {
  type?: string;
  feature?: string;
  actorId?: string;
  from?: string;
  to?: string;
  id?: string[];
}

/** Every event touching the unit, newest first, a page at a time, with its content, actor and correlation. */
const Timeline = ({
  unitId,
  filter,
  setFilter,
}: {
  unitId: string;
  filter: TimelineFilter;
  setFilter: (filter: TimelineFilter) => void;
}) => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const sent = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
  const { data, error, isPending } = useQuery({
    queryKey: ['audit', 'timeline', unitId, sent, page, perPage],
    queryFn: () => auditApi.timeline(unitId, sent, page, perPage),
  });
  const change = (next: TimelineFilter) => {
    setPage(0);
    setFilter(next);
  };
  return (
    <Box data-testid="timeline">
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <TextField
          fullWidth={false}
          select
          size="small"
          label={translate('audit.feature')}
          value={filter.feature ?? ''}
          sx={{ minWidth: 140 }}
          onChange={(event) => change({ ...filter, feature: event.target.value || undefined })}
        >
          <MenuItem value="">{translate('audit.all')}</MenuItem>
          {FEATURES.map((feature) => (
            <MenuItem key={feature} value={feature}>
              {translate(`audit.features.${feature}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth={false}
          size="small"
          label={translate('audit.type')}
          value={filter.type ?? ''}
          onChange={(event) => change({ ...filter, type: event.target.value || undefined })}
        />
        <TextField
          fullWidth={false}
          size="small"
          label={translate('audit.actor')}
          value={filter.actorId ?? ''}
          onChange={(event) => change({ ...filter, actorId: event.target.value || undefined })}
        />
        <TextField
          fullWidth={false}
          size="small"
          type="date"
          label={translate('audit.from')}
          slotProps={{ inputLabel: { shrink: true } }}
          value={filter.from ?? ''}
          onChange={(event) => change({ ...filter, from: event.target.value || undefined })}
        />
        <TextField
          fullWidth={false}
          size="small"
          type="date"
          label={translate('audit.to')}
          slotProps={{ inputLabel: { shrink: true } }}
          value={filter.to ?? ''}
          onChange={(event) => change({ ...filter, to: event.target.value || undefined })}
        />
        {filter.id && (
          <Chip
            label={translate('audit.only_events', { count: filter.id.length })}
            onDelete={() => change({ ...filter, id: undefined })}
          />
        )}
      </Stack>
      {error && <Alert severity="error">{(error as HttpError).message}</Alert>}
      {isPending ? (
        <Loading />
      ) : (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('activity.when')}</TableCell>
                <TableCell>{translate('audit.actor')}</TableCell>
                <TableCell>{translate('audit.type')}</TableCell>
                <TableCell>{translate('audit.content')}</TableCell>
                <TableCell>{translate('audit.correlation')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.lines ?? []).map((line: TimelineLine) => (
                <TableRow key={line.id} data-testid="timeline-line">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <When event={line} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Actor event={line} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {eventLabel(translate, line.type)}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      #{line.position} ·{' '}
                      {line.feature ? translate(`audit.features.${line.feature}`, { _: line.feature }) : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <EventData event={line} />
                  </TableCell>
                  <TableCell>
                    <Correlated event={line} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={data?.total ?? 0}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[10, 25, 50]}
            onPageChange={(_, next) => setPage(next)}
            onRowsPerPageChange={(event) => {
              setPerPage(Number(event.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          />
        </>
      )}
    </Box>
  );
};

/**
 * A unit's audit page (issue 15): the score at any point of the year on a slider, as of a business date or
 * as known at a record date; two points side by side with what changed; each point's lines drilling to the
 * events behind them in the timeline; the log's verification status; the year's audit file.
 */
export const AuditUnitPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const unit = useQuery({ queryKey: ['audit', 'unit', id], queryFn: () => auditApi.unit(id).then((r) => r.data) });
  const today = unit.data?.today ?? '';
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? Number(today.slice(0, 4));
  const first = `${shownYear}-01-01`;
  const last = today && today < `${shownYear}-12-31` ? today : `${shownYear}-12-31`;
  const [point, setPoint] = useState<Point | null>(null);
  const [compare, setCompare] = useState<{ a: Point; b: Point } | null>(null);
  const [filter, setFilter] = useState<TimelineFilter>({});
  const current = point ?? { mode: 'asOf' as const, date: last };
  const score = useQuery({
    queryKey: ['audit', 'score', id, shownYear, current],
    queryFn: () => auditApi.scoreAt(id, shownYear, current).then((r) => r.data),
    enabled: Boolean(today),
  });
  const diff = useQuery({
    queryKey: ['audit', 'diff', id, shownYear, compare],
    queryFn: () => auditApi.diff(id, shownYear, compare!.a, compare!.b).then((r) => r.data),
    enabled: Boolean(compare),
  });
  const years = useMemo(() => {
    const now = Number(today.slice(0, 4)) || new Date().getFullYear();
    return [now, now - 1, now - 2];
  }, [today]);
  const showEvents = (ids: string[]) => {
    setFilter({ id: ids });
    document.querySelector('[data-testid="timeline"]')?.scrollIntoView({ behavior: 'smooth' });
  };
  const download = async (format: 'xlsx' | 'html') => {
    try {
      await auditApi.export(id, shownYear, format, locale.startsWith('en') ? 'en' : 'zh');
    } catch (error) {
      notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    }
  };
  if (unit.isPending) return <Loading />;
  if (unit.error || !unit.data) return <Alert severity="error">{(unit.error as HttpError | null)?.message}</Alert>;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('audit.page_title', { name: unit.data.name })} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5">{unit.data.name}</Typography>
        <TextField
          select
          size="small"
          label={translate('audit.year')}
          value={shownYear}
          onChange={(event) => {
            setYear(Number(event.target.value));
            setPoint(null);
            setCompare(null);
          }}
        >
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <VerificationChip />
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" startIcon={<GridIcon />} onClick={() => download('xlsx')}>
          {translate('audit.export_xlsx')}
        </Button>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => download('html')}>
          {translate('audit.export_html')}
        </Button>
      </Stack>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{translate('audit.at_point')}</Typography>
          <PointPicker
            key={`${shownYear}-point`}
            label={translate('audit.point')}
            point={current}
            onChange={setPoint}
            first={first}
            last={last}
            testId="point"
          />
          {score.error && <Alert severity="error">{(score.error as HttpError).message}</Alert>}
          {score.data && <ScoreAt at={score.data} onEvents={showEvents} />}
        </CardContent>
      </Card>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{translate('audit.compare')}</Typography>
          <CompareForm key={`${shownYear}-compare`} first={first} last={last} onCompare={setCompare} />
          {diff.error && <Alert severity="error">{(diff.error as HttpError).message}</Alert>}
          {diff.data && <DiffView diff={diff.data} onEvents={showEvents} />}
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6">{translate('audit.timeline')}</Typography>
          <Timeline unitId={id} filter={filter} setFilter={setFilter} />
        </CardContent>
      </Card>
    </Box>
  );
};

/** Two points to compare, A and B, each as of or as known at a day; compared on request. */
const CompareForm = ({
  first,
  last,
  onCompare,
}: {
  first: string;
  last: string;
  onCompare: (points: { a: Point; b: Point }) => void;
}) => {
  const translate = useTranslate();
  const [a, setA] = useState<Point>({ mode: 'knownAt', date: last });
  const [b, setB] = useState<Point>({ mode: 'asOf', date: last });
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: 'flex-end', mb: 2 }}>
      <PointPicker label="A" point={a} onChange={setA} first={first} last={last} testId="point-a" />
      <PointPicker label="B" point={b} onChange={setB} first={first} last={last} testId="point-b" />
      <Button variant="contained" onClick={() => onCompare({ a, b })}>
        {translate('audit.compare_button')}
      </Button>
    </Stack>
  );
};
