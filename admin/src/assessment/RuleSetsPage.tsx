import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Loading,
  Title,
  useCanAccess,
  useDataProvider,
  useLocale,
  useNotify,
  useTranslate,
  type HttpError,
} from 'react-admin';
import type { AssessmentDataProvider, RuleSetError, WhatIf } from './dataProvider';
import { RuleSetForm } from './RuleSetForm';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** The errors a refused save or a check names, each at its JSON path, in the reader's language. */
const errorsOf = (error: unknown): RuleSetError[] => {
  const fields = ((error as HttpError).body?.fieldMessages ?? {}) as Record<string, { zh: string; en: string }>;
  return Object.entries(fields).map(([path, message]) => ({ path, code: '', message }));
};

/** One year's rules: the draft as JSON (the schema's errors shown at their paths), its versions, publishing. */
const RuleSetEditor = ({ year }: { year: number }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'assessment-rules', action: 'edit' });
  const { canAccess: canPublish = false } = useCanAccess({ resource: 'assessment-rules', action: 'approve' });
  const { data, isPending, error } = useQuery({
    queryKey: ['assessment', 'ruleset', year],
    queryFn: () => dataProvider.getRuleSet(year).then((result) => result.data),
  });
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<RuleSetError[]>([]);
  const [effectiveOn, setEffectiveOn] = useState(`${year}-01-01`);
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{error?.message}</Alert>;
  const shown = text ?? JSON.stringify(data.draft, null, 2);
  const parsed = () => {
    try {
      return JSON.parse(shown) as unknown;
    } catch {
      setErrors([{ path: '$', code: 'json', message: { zh: 'JSON 格式错误', en: 'not valid JSON' } }]);
      return undefined;
    }
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['assessment'] });
  const check = async () => {
    const body = parsed();
    if (body === undefined) return;
    const { data: result } = await dataProvider.validateRuleSet(year, body);
    setErrors(result.errors);
    if (result.valid) notify('resources.assessment-rules.valid', { type: 'success' });
  };
  const save = async () => {
    const body = parsed();
    if (body === undefined) return;
    try {
      await dataProvider.editRuleSetDraft(year, body, data.revision);
      setErrors([]);
      setText(null);
      notify('resources.assessment-rules.saved', { type: 'success' });
      await refresh();
    } catch (failure) {
      setErrors(errorsOf(failure));
      notify((failure as Error).message, { type: 'error' });
    }
  };
  const tryDraft = async () => {
    try {
      setWhatIf((await dataProvider.getWhatIf(year)).data);
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  const grade = (g: { name: { zh: string; en: string } } | undefined) =>
    g ? (locale === 'en' ? g.name.en : g.name.zh) : '';
  const publish = async () => {
    try {
      await dataProvider.publishRuleSet(year, effectiveOn, data.revision);
      notify('resources.assessment-rules.published', { type: 'success' });
      await refresh();
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1">{translate('resources.assessment-rules.versions')}</Typography>
        {data.versions.length === 0 && <Chip label={translate('resources.assessment-rules.unpublished')} />}
        {data.versions.map((v) => (
          <Chip key={v.version} label={`v${v.version} · ${v.effectiveOn}`} color="primary" variant="outlined" />
        ))}
      </Stack>
      <Tabs value={tab} onChange={(_, next: 'form' | 'json') => setTab(next)}>
        <Tab value="form" label={translate('resources.assessment-rules.form.name')} />
        <Tab value="json" label={translate('resources.assessment-rules.advanced')} />
      </Tabs>
      {tab === 'form' &&
        (() => {
          let draft: Record<string, unknown> | null;
          try {
            draft = JSON.parse(shown) as Record<string, unknown>;
          } catch {
            draft = null;
          }
          return draft ? (
            <RuleSetForm
              value={draft}
              errors={errors}
              readOnly={!canEdit}
              onChange={(next) => setText(JSON.stringify(next, null, 2))}
            />
          ) : (
            <Alert severity="warning">{translate('resources.assessment-rules.badJson')}</Alert>
          );
        })()}
      {tab === 'json' && (
        <TextField
          label={translate('resources.assessment-rules.draft', { revision: data.revision })}
          value={shown}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={16}
          maxRows={30}
          fullWidth
          slotProps={{ input: { readOnly: !canEdit, sx: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
      )}
      {errors.length > 0 && (
        <Alert severity="error" aria-label={translate('resources.assessment-rules.errors')}>
          {errors.map((e) => (
            <div key={e.path + e.code}>
              <code>{e.path}</code>：{locale === 'en' ? e.message.en : e.message.zh}
            </div>
          ))}
        </Alert>
      )}
      {canEdit && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={check}>
            {translate('resources.assessment-rules.check')}
          </Button>
          <Button variant="contained" onClick={save} disabled={text === null}>
            {translate('ra.action.save')}
          </Button>
          <Button variant="outlined" onClick={tryDraft} disabled={text !== null}>
            {translate('resources.assessment-rules.whatIf')}
          </Button>
        </Stack>
      )}
      {whatIf && (
        <Table size="small" aria-label={translate('resources.assessment-rules.whatIf')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.assessment-scores.fields.name')}</TableCell>
              <TableCell align="right">
                {whatIf.against ? `v${whatIf.against.version}` : translate('resources.assessment-rules.unpublished')}
              </TableCell>
              <TableCell align="right">{translate('resources.assessment-rules.draftColumn')}</TableCell>
              <TableCell align="right">{translate('resources.assessment-rules.change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {whatIf.rows.map((row) => (
              <TableRow key={row.unitId}>
                <TableCell>{row.name}</TableCell>
                <TableCell align="right">
                  {row.before ? `${row.before.total} ${grade(row.before.grade)}` : ''}
                </TableCell>
                <TableCell align="right">{`${row.after.total} ${grade(row.after.grade)}`}</TableCell>
                <TableCell align="right">
                  {row.change === null ? '' : row.change > 0 ? `+${row.change}` : row.change}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canPublish && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            type="date"
            size="small"
            label={translate('resources.assessment-rules.fields.effectiveOn')}
            value={effectiveOn}
            onChange={(event) => setEffectiveOn(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button variant="contained" color="secondary" onClick={publish} disabled={text !== null}>
            {translate('resources.assessment-rules.publish')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};

/** The years with rules; one opened in the editor. The bureau starts a new year from the last one's draft. */
export const RuleSetsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AssessmentDataProvider>();
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'assessment-rules', action: 'create' });
  const { data, isPending, error } = useQuery({
    queryKey: ['assessment', 'years'],
    queryFn: () => dataProvider.getRuleSetYears().then((result) => result.data),
  });
  const [year, setYear] = useState<number | null>(null);
  const open = year ?? data?.[0]?.year ?? null;
  const startYear = async () => {
    const next = Math.max(thisYear(), ...(data ?? []).map((y) => y.year + 1));
    const from = data?.[0] ? (await dataProvider.getRuleSet(data[0].year)).data.draft : undefined;
    try {
      await dataProvider.draftRuleSet(next, from);
      await queryClient.invalidateQueries({ queryKey: ['assessment'] });
      setYear(next);
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.assessment-rules.name" />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : (
          <Stack spacing={2}>
            <Box>
              {(data ?? []).map((y) => (
                <Chip
                  key={y.year}
                  sx={{ mr: 1 }}
                  label={`${y.year} · ${y.title}`}
                  color={y.year === open ? 'primary' : 'default'}
                  onClick={() => setYear(y.year)}
                />
              ))}
              {canCreate && data?.length ? (
                <Button size="small" onClick={startYear}>
                  {translate('resources.assessment-rules.newYear')}
                </Button>
              ) : null}
            </Box>
            {open === null ? (
              <Alert severity="info">{translate('resources.assessment-rules.empty')}</Alert>
            ) : (
              <RuleSetEditor key={open} year={open} />
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
