import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { downloadFromApi } from '../dataProvider/http';
import type { AssessmentDataProvider } from './dataProvider';
import { BulletinsPanel, GRADE_ORDER, GradeChart, QuarterChart, ReviewPanel } from './Panels';

type Bilingual = { zh: string; en: string };

/** Grade colours: the bands' order from the top (先进 green … 后进 red). */
const GRADE_COLOURS = ['success', 'info', 'warning', 'error'] as const;
const gradeColour = (id: string) => GRADE_COLOURS[GRADE_ORDER.indexOf(id)] ?? ('default' as const);

const currentYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** A unit's score, section by section, each line with its period, points and the events behind it. */
const Explanation = ({ unitId, year }: { unitId: string; year: number }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const text = (value: Bilingual | undefined) => (value ? (locale === 'en' ? value.en : value.zh) : '');
  const event = (type: string) => translate(`choices.event.${type}`, { _: type });
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['assessment', 'unit', unitId, year],
    queryFn: () => dataProvider.getUnitScore(unitId, year).then((result) => result.data),
  });
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{error?.message}</Alert>;
  return (
    <Box aria-label={translate('resources.assessment-scores.explanation')}>
      {data.sections.map((section) => (
        <Box key={section.section} sx={{ mb: 2 }}>
          <Typography variant="subtitle1">
            {text(section.title)}：{section.points} / {section.maxPoints}
          </Typography>
          <Table size="small">
            <TableBody>
              {section.items.map((item, index) => (
                <TableRow key={index}>
                  <TableCell>{item.indicator ? text(item.title) : text(item.note)}</TableCell>
                  <TableCell>{item.period}</TableCell>
                  <TableCell align="right">{item.points > 0 ? `+${item.points}` : item.points}</TableCell>
                  <TableCell>{item.indicator ? text(item.note) : ''}</TableCell>
                  <TableCell>
                    {item.events.map((e) => (
                      <div key={e.id}>
                        {e.occurredOn} {event(e.type)}
                        <Typography component="span" variant="caption" color="text.secondary">
                          {' '}
                          ({translate('resources.assessment-scores.recordedAt')}{' '}
                          {new Date(e.recordedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })})
                        </Typography>
                      </div>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
};

/** The year's ranking with grade colours; a unit opens its explanation below. */
export const Leaderboard = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const [year, setYear] = useState(currentYear());
  const [unitId, setUnitId] = useState<string | null>(null);
  const { data, isPending, error } = useQuery({
    queryKey: ['assessment', 'ranking', year],
    queryFn: () => dataProvider.getRanking(year).then((result) => result.data),
  });
  const bulletins = useQuery({
    queryKey: ['assessment', 'bulletins', year],
    queryFn: () => dataProvider.getBulletins(year).then((result) => result.data),
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.assessment-scores.name" />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label={translate('resources.assessment-scores.fields.year')}
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setUnitId(null);
            }}
          >
            {[0, 1, 2].map((back) => (
              <MenuItem key={back} value={currentYear() - back}>
                {currentYear() - back}
              </MenuItem>
            ))}
          </TextField>
          {data?.version ? (
            <Typography variant="body2" color="text.secondary">
              {translate('resources.assessment-scores.under', {
                version: data.version,
                effectiveOn: data.effectiveOn,
                asOf: data.asOf,
              })}
            </Typography>
          ) : null}
          {data?.version ? (
            <Button
              size="small"
              variant="outlined"
              onClick={() =>
                void downloadFromApi(
                  `/assessment/scores/workbook?year=${year}&lang=${locale === 'en' ? 'en' : 'zh'}`,
                  `assessment-${year}.xlsx`,
                )
              }
            >
              {translate('resources.assessment-scores.workbook')}
            </Button>
          ) : null}
        </Stack>
        {data?.rows.length ? (
          <Stack direction="row" spacing={4} sx={{ mb: 2, flexWrap: 'wrap' }}>
            <GradeChart rows={data.rows} />
            <BulletinsPanel year={year} bulletins={bulletins.data ?? []} />
          </Stack>
        ) : null}
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : !data?.rows.length ? (
          <Alert severity="info">{translate('resources.assessment-scores.empty')}</Alert>
        ) : (
          <Table size="small" aria-label={translate('resources.assessment-scores.name')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.assessment-scores.fields.rank')}</TableCell>
                <TableCell>{translate('resources.assessment-scores.fields.name')}</TableCell>
                <TableCell align="right">{translate('resources.assessment-scores.fields.total')}</TableCell>
                <TableCell>{translate('resources.assessment-scores.fields.grade')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow
                  key={row.unitId}
                  hover
                  selected={row.unitId === unitId}
                  onClick={() => setUnitId(row.unitId === unitId ? null : row.unitId)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell>{row.rank}</TableCell>
                  <TableCell>{row.name}</TableCell>
                  <TableCell align="right">{row.total}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={gradeColour(row.grade.id)}
                      label={locale === 'en' ? row.grade.name.en : row.grade.name.zh}
                    />
                    {row.vetoedBy && (
                      <Chip
                        size="small"
                        variant="outlined"
                        sx={{ ml: 1 }}
                        label={translate('resources.assessment-scores.vetoed')}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {unitId && (
          <Box sx={{ mt: 3 }}>
            <QuarterChart unitId={unitId} bulletins={bulletins.data ?? []} />
            <ReviewPanel unitId={unitId} year={year} />
            <Explanation unitId={unitId} year={year} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
