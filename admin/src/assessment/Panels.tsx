import { useNotifiedAction } from '../dataProvider/useNotifiedAction';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useLocale, useNotify, useTranslate } from 'react-admin';
import type { AssessmentDataProvider, Bulletin, RankedUnit } from './dataProvider';

type Bilingual = { zh: string; en: string };

/** The grades' ids from the top band down (domain.md §13: 好/先进, 较好, 一般, 差/后进). */
export const GRADE_ORDER = ['good', 'fairly_good', 'average', 'poor'];

/** Grade colours as the chips show them: from the top band (先进 green) to the bottom (后进 red). */
export const GRADE_FILL: Record<string, string> = {
  good: '#2e7d32',
  fairly_good: '#0288d1',
  average: '#ed6c02',
  poor: '#d32f2f',
};

/** How many units in each grade: one bar per band, in the leaderboard's colours (plain SVG). */
export const GradeChart = ({ rows }: { rows: RankedUnit[] }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const bands = new Map<string, { name: Bilingual; count: number }>();
  for (const row of rows) {
    const band = bands.get(row.grade.id) ?? { name: row.grade.name, count: 0 };
    band.count++;
    bands.set(row.grade.id, band);
  }
  const entries = [...bands].sort((a, b) => GRADE_ORDER.indexOf(a[0]) - GRADE_ORDER.indexOf(b[0]));
  const max = Math.max(1, ...entries.map(([, band]) => band.count));
  const width = 80;
  return (
    <Box>
      <Typography variant="subtitle2">{translate('resources.assessment-scores.distribution')}</Typography>
      <svg
        role="img"
        aria-label={translate('resources.assessment-scores.distribution')}
        width={entries.length * width + 20}
        height={150}
      >
        {entries.map(([id, band], i) => {
          const h = (band.count / max) * 100;
          return (
            <g key={id} transform={`translate(${10 + i * width}, 0)`}>
              <rect x={10} y={115 - h} width={width - 30} height={h} fill={GRADE_FILL[id] ?? '#9e9e9e'} />
              <text x={width / 2 - 5} y={110 - h} textAnchor="middle" fontSize={12}>
                {band.count}
              </text>
              <text x={width / 2 - 5} y={135} textAnchor="middle" fontSize={12}>
                {locale === 'en' ? band.name.en : band.name.zh}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};

/** A unit's total in each published bulletin of the year: its score over the quarters (plain SVG line). */
export const QuarterChart = ({ unitId, bulletins }: { unitId: string; bulletins: Bulletin[] }) => {
  const translate = useTranslate();
  const points = bulletins
    .filter((b) => b.period.includes('-Q'))
    .map((b) => ({ period: b.period.slice(5), row: b.ranking.find((r) => r.unitId === unitId) }))
    .filter((p): p is { period: string; row: Bulletin['ranking'][number] } => Boolean(p.row));
  if (points.length === 0) return null;
  const x = (i: number) => 40 + i * 90;
  const y = (total: number) => 130 - (total / 100) * 110;
  return (
    <Box>
      <Typography variant="subtitle2">{translate('resources.assessment-scores.quarters')}</Typography>
      <svg role="img" aria-label={translate('resources.assessment-scores.quarters')} width={400} height={160}>
        <line x1={30} y1={130} x2={390} y2={130} stroke="#bdbdbd" />
        <polyline
          fill="none"
          stroke="#1976d2"
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.row.total)}`).join(' ')}
        />
        {points.map((p, i) => (
          <g key={p.period}>
            <circle cx={x(i)} cy={y(p.row.total)} r={4} fill={GRADE_FILL[p.row.gradeId] ?? '#1976d2'} />
            <text x={x(i)} y={y(p.row.total) - 8} textAnchor="middle" fontSize={12}>
              {p.row.total}
            </text>
            <text x={x(i)} y={148} textAnchor="middle" fontSize={12}>
              {p.period}
            </text>
          </g>
        ))}
      </svg>
    </Box>
  );
};

/** The year's bulletins (季通报), each with its bottom three flagged; the bureau publishes an ended quarter's. */
export const BulletinsPanel = ({ year, bulletins }: { year: number; bulletins: Bulletin[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const { canAccess: canPublish = false } = useCanAccess({ resource: 'assessment-bulletins', action: 'create' });
  const published = new Set(bulletins.map((b) => b.period));
  const open = ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${year}-${q}`).filter((p) => !published.has(p));
  const [period, setPeriod] = useState('');
  const publish = async () => {
    try {
      await dataProvider.publishBulletin(year, period);
      notify('resources.assessment-scores.bulletinPublished', { type: 'success' });
      setPeriod('');
      await queryClient.invalidateQueries({ queryKey: ['assessment', 'bulletins', year] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box aria-label={translate('resources.assessment-scores.bulletins')} sx={{ mt: 2 }}>
      <Typography variant="subtitle1">{translate('resources.assessment-scores.bulletins')}</Typography>
      {bulletins.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.assessment-scores.noBulletins')}
        </Typography>
      )}
      {bulletins.map((b) => (
        <Stack key={b.id} direction="row" spacing={1} sx={{ my: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip size="small" label={b.period} />
          <Typography variant="body2">
            {b.publishedOn} · {b.ranked}
          </Typography>
          {b.ranking
            .filter((r) => r.flagged)
            .map((r) => (
              <Chip
                key={r.unitId}
                size="small"
                color="error"
                variant="outlined"
                label={`${translate('resources.assessment-scores.flagged')}：${r.rank} ${r.name}`}
              />
            ))}
        </Stack>
      ))}
      {canPublish && open.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <TextField
            select
            size="small"
            sx={{ minWidth: 140 }}
            label={translate('resources.assessment-scores.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          >
            {open.map((p) => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" disabled={!period} onClick={publish}>
            {translate('resources.assessment-scores.publishBulletin')}
          </Button>
        </Stack>
      )}
    </Box>
  );
};

/**
 * A unit's self-assessment and the bureau's scoring of the manual items, the combined result by the
 * rules' weights, comments and objections (within the window), and the bureau's finalising.
 */
export const ReviewPanel = ({ unitId, year }: { unitId: string; year: number }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notified = useNotifiedAction();
  const queryClient = useQueryClient();
  const text = (value: Bilingual | undefined) => (value ? (locale === 'en' ? value.en : value.zh) : '');
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const { canAccess: canSelf = false } = useCanAccess({ resource: 'assessment-self', action: 'edit' });
  const { canAccess: canSuperior = false } = useCanAccess({ resource: 'assessment-reviews', action: 'edit' });
  const { data, error } = useQuery({
    queryKey: ['assessment', 'review', unitId, year],
    queryFn: () => dataProvider.getReview(unitId, year).then((result) => result.data),
  });
  const [entered, setEntered] = useState<Record<string, { points: string; comment: string }>>({});
  const [note, setNote] = useState('');
  const [adjustment, setAdjustment] = useState({ points: '', reason: '' });
  if (error) return <Alert severity="info">{error.message}</Alert>;
  if (!data) return null;
  const by = canSelf ? 'self' : canSuperior ? 'superior' : null;
  const manual = data.superior.sections.flatMap((section) =>
    section.items.filter((item) => item.kind === 'manual' && item.indicator),
  );
  const reload = () => queryClient.invalidateQueries({ queryKey: ['assessment'] });
  const act = async (action: () => Promise<unknown>, done: string) => {
    if (await notified(action, done)) await reload();
  };
  const submit = () =>
    act(
      () =>
        dataProvider.scoreManualItems(
          unitId,
          year,
          by!,
          Object.entries(entered)
            .filter(([, value]) => value.points !== '')
            .map(([indicator, value]) => ({ indicator, points: Number(value.points), comment: value.comment || null })),
        ),
      'resources.assessment-scores.scored',
    );
  const pointsOf = (scoreItems: typeof data.self, indicator: string) =>
    scoreItems.sections.flatMap((s) => s.items).find((item) => item.indicator === indicator)?.note;
  return (
    <Box aria-label={translate('resources.assessment-scores.review')} sx={{ mt: 2 }}>
      <Typography variant="subtitle1">{translate('resources.assessment-scores.review')}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('resources.assessment-scores.self')} {data.combined.selfTotal} ·{' '}
        {translate('resources.assessment-scores.superior')} {data.combined.superiorTotal} ·{' '}
        {translate('resources.assessment-scores.combined')} <strong>{data.combined.total}</strong>{' '}
        <Chip size="small" label={text(data.combined.grade.name)} /> (
        {translate('resources.assessment-scores.weights', data.weights)})
      </Typography>
      {data.result && (
        <Alert severity="success" sx={{ mb: 1 }}>
          {translate('resources.assessment-scores.finalised', { total: data.result.total })}
        </Alert>
      )}
      {manual.length > 0 && (
        <Table size="small" aria-label={translate('resources.assessment-scores.manualItem')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.assessment-scores.manualItem')}</TableCell>
              <TableCell>{translate('resources.assessment-scores.self')}</TableCell>
              <TableCell>{translate('resources.assessment-scores.superior')}</TableCell>
              {by && !data.result && <TableCell>{translate('resources.assessment-scores.points')}</TableCell>}
              {by && !data.result && <TableCell>{translate('resources.assessment-scores.comment')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {manual.map((item) => (
              <TableRow key={item.indicator}>
                <TableCell>{text(item.title)}</TableCell>
                <TableCell>{text(pointsOf(data.self, item.indicator!))}</TableCell>
                <TableCell>{text(pointsOf(data.superior, item.indicator!))}</TableCell>
                {by && !data.result && (
                  <TableCell>
                    <TextField
                      size="small"
                      type="number"
                      sx={{ width: 90 }}
                      slotProps={{
                        htmlInput: {
                          'aria-label': `${text(item.title)} ${translate('resources.assessment-scores.points')}`,
                        },
                      }}
                      value={entered[item.indicator!]?.points ?? ''}
                      onChange={(e) =>
                        setEntered({
                          ...entered,
                          [item.indicator!]: {
                            ...(entered[item.indicator!] ?? { comment: '' }),
                            points: e.target.value,
                          },
                        })
                      }
                    />
                  </TableCell>
                )}
                {by && !data.result && (
                  <TableCell>
                    <TextField
                      size="small"
                      slotProps={{
                        htmlInput: {
                          'aria-label': `${text(item.title)} ${translate('resources.assessment-scores.comment')}`,
                        },
                      }}
                      value={entered[item.indicator!]?.comment ?? ''}
                      onChange={(e) =>
                        setEntered({
                          ...entered,
                          [item.indicator!]: {
                            ...(entered[item.indicator!] ?? { points: '' }),
                            comment: e.target.value,
                          },
                        })
                      }
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {by && !data.result && manual.length > 0 && (
        <Button sx={{ mt: 1 }} variant="contained" onClick={submit}>
          {translate(
            by === 'self' ? 'resources.assessment-scores.saveSelf' : 'resources.assessment-scores.saveSuperior',
          )}
        </Button>
      )}
      {data.adjustments.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('resources.assessment-scores.adjustments')}：
          {data.adjustments.map((a) => `${a.points > 0 ? '+' : ''}${a.points}（${a.reason}）`).join('；')}
        </Typography>
      )}
      {canSuperior && !data.result && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }} aria-label={translate('resources.assessment-scores.adjust')}>
          <TextField
            size="small"
            type="number"
            sx={{ width: 140 }}
            placeholder="-2 / 1.5"
            label={translate('resources.assessment-scores.adjustPoints')}
            value={adjustment.points}
            onChange={(e) => setAdjustment({ ...adjustment, points: e.target.value })}
          />
          <TextField
            size="small"
            sx={{ minWidth: 320 }}
            label={translate('resources.assessment-scores.adjustReason')}
            value={adjustment.reason}
            onChange={(e) => setAdjustment({ ...adjustment, reason: e.target.value })}
          />
          <Button
            sx={{ whiteSpace: 'nowrap' }}
            disabled={adjustment.points === '' || !adjustment.reason.trim()}
            onClick={() =>
              act(async () => {
                await dataProvider.adjustScore(unitId, year, Number(adjustment.points), adjustment.reason);
                setAdjustment({ points: '', reason: '' });
              }, 'resources.assessment-scores.adjusted')
            }
          >
            {translate('resources.assessment-scores.adjust')}
          </Button>
        </Stack>
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('resources.assessment-scores.objections')}
        {data.objectionWindowEndsOn &&
          ` · ${translate('resources.assessment-scores.windowEndsOn', { day: data.objectionWindowEndsOn })}`}
      </Typography>
      {data.objections.map((o, i) => (
        <Typography key={i} variant="body2">
          {o.on}{' '}
          {translate(
            o.kind === 'objection' ? 'resources.assessment-scores.object' : 'resources.assessment-scores.remark',
          )}
          ：{o.text}
        </Typography>
      ))}
      {canSelf && !data.result && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <TextField
            size="small"
            sx={{ minWidth: 320 }}
            label={translate('resources.assessment-scores.comment')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            disabled={!note.trim()}
            onClick={() =>
              act(() => dataProvider.raiseObjection(unitId, year, 'comment', note), 'resources.assessment-scores.sent')
            }
          >
            {translate('resources.assessment-scores.remark')}
          </Button>
          <Button
            color="warning"
            disabled={!note.trim()}
            onClick={() =>
              act(
                () => dataProvider.raiseObjection(unitId, year, 'objection', note),
                'resources.assessment-scores.sent',
              )
            }
          >
            {translate('resources.assessment-scores.object')}
          </Button>
        </Stack>
      )}
      {canSuperior && !data.result && (
        <Button
          sx={{ mt: 1 }}
          color="success"
          variant="outlined"
          onClick={() => act(() => dataProvider.finaliseResult(unitId, year), 'resources.assessment-scores.sent')}
        >
          {translate('resources.assessment-scores.finalise')}
        </Button>
      )}
    </Box>
  );
};
