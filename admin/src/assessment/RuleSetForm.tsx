import { Box, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { RuleSetError } from './dataProvider';

type Json = Record<string, unknown>;
type Path = (string | number)[];

/** `$.sections[1].maxPoints`, as the server names a path (src/assessment/rule-set.ts, jsonPath). */
const jsonPath = (path: Path) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), '$');

const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);

const setAt = (value: Json, path: Path, next: unknown): Json => {
  const copy = structuredClone(value);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = next;
  return copy;
};

/** The fields each indicator kind has besides id, title and kind (the schema's, src/assessment/rule-set.ts). */
const KIND_FIELDS: Record<string, { key: string; type: 'number' | 'text' | 'types' | 'period' }[]> = {
  count: [
    { key: 'eventTypes', type: 'types' },
    { key: 'pointsEach', type: 'number' },
    { key: 'cap', type: 'number' },
    { key: 'period', type: 'period' },
  ],
  target: [
    { key: 'eventTypes', type: 'types' },
    { key: 'period', type: 'period' },
    { key: 'perPeriod', type: 'number' },
    { key: 'deductionEach', type: 'number' },
  ],
  deadline: [
    { key: 'eventTypes', type: 'types' },
    { key: 'due', type: 'text' },
  ],
  deduction: [
    { key: 'eventTypes', type: 'types' },
    { key: 'pointsEach', type: 'number' },
    { key: 'distinctBy', type: 'text' },
    { key: 'cap', type: 'number' },
  ],
  bonus: [
    { key: 'eventTypes', type: 'types' },
    { key: 'pointsEach', type: 'number' },
    { key: 'cap', type: 'number' },
  ],
  veto: [
    { key: 'eventTypes', type: 'types' },
    { key: 'capAt', type: 'text' },
  ],
  manual: [{ key: 'maxPoints', type: 'number' }],
};

/**
 * The rule set as a form over its schema: title, weights, grade bands, and each section with its
 * indicators by kind. Every change rewrites the same JSON the advanced tab shows, and each error the
 * server names is shown under the field at its JSON path (those without a field stay in the list above).
 */
export const RuleSetForm = ({
  value,
  errors,
  readOnly,
  onChange,
}: {
  value: Json;
  errors: RuleSetError[];
  readOnly: boolean;
  onChange: (next: Json) => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const t = (key: string) => translate(`resources.assessment-rules.form.${key}`);
  const errorAt = (path: Path) => {
    const found = errors.filter((e) => e.path === jsonPath(path));
    return found.length ? found.map((e) => (locale === 'en' ? e.message.en : e.message.zh)).join('；') : undefined;
  };
  const field = (path: Path, label: string, type: 'number' | 'text' | 'types' | 'period' = 'text', width = 140) => {
    const raw = at(value, path);
    const shown = type === 'types' && Array.isArray(raw) ? raw.join(', ') : raw === undefined ? '' : String(raw);
    const error = errorAt(path);
    const set = (text: string) => {
      const next =
        type === 'number'
          ? text === '' || Number.isNaN(Number(text))
            ? text
            : Number(text)
          : type === 'types'
            ? text
                .split(/[,，\s]+/)
                .map((s) => s.trim())
                .filter(Boolean)
            : type === 'period' && text === ''
              ? undefined
              : text;
      onChange(setAt(value, path, next));
    };
    return (
      <TextField
        key={jsonPath(path)}
        data-path={jsonPath(path)}
        select={type === 'period'}
        size="small"
        type={type === 'number' ? 'number' : 'text'}
        label={label}
        value={shown}
        error={Boolean(error)}
        helperText={error ? `${jsonPath(path)}：${error}` : undefined}
        onChange={(event) => set(event.target.value)}
        sx={{ width: type === 'types' ? 320 : width }}
        slotProps={{ input: { readOnly } }}
      >
        {type === 'period'
          ? ['', 'month', 'quarter', 'year'].map((p) => (
              <MenuItem key={p} value={p}>
                {p ? t(`periods.${p}`) : '—'}
              </MenuItem>
            ))
          : undefined}
      </TextField>
    );
  };
  const sections = (at(value, ['sections']) as Json[] | undefined) ?? [];
  const bands = (at(value, ['gradeBands']) as Json[] | undefined) ?? [];
  return (
    <Stack spacing={2} aria-label={t('name')}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {field(['title', 'zh'], t('titleZh'), 'text', 420)}
        {field(['title', 'en'], t('titleEn'), 'text', 320)}
        {field(['weights', 'self'], t('selfWeight'), 'number')}
        {field(['weights', 'superior'], t('superiorWeight'), 'number')}
      </Stack>
      {errorAt(['weights']) && <Typography color="error">{`$.weights：${errorAt(['weights'])}`}</Typography>}
      <Typography variant="subtitle2">{t('gradeBands')}</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {bands.map((_, b) => (
          <Paper key={b} variant="outlined" sx={{ p: 1 }}>
            <Stack direction="row" spacing={1}>
              {field(['gradeBands', b, 'name', 'zh'], t('bandName'), 'text', 90)}
              {field(['gradeBands', b, 'min'], t('bandMin'), 'number', 90)}
              {field(['gradeBands', b, 'id'], t('id'), 'text', 110)}
            </Stack>
          </Paper>
        ))}
      </Stack>
      {sections.map((section, s) => (
        <Paper key={s} variant="outlined" sx={{ p: 1.5 }}>
          <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            {field(['sections', s, 'title', 'zh'], t('section'), 'text', 220)}
            {field(['sections', s, 'id'], t('id'), 'text', 150)}
            {field(['sections', s, 'maxPoints'], t('maxPoints'), 'number', 100)}
            <TextField
              select
              size="small"
              label={t('start')}
              value={String(section.start ?? 'full')}
              onChange={(event) => onChange(setAt(value, ['sections', s, 'start'], event.target.value))}
              sx={{ width: 150 }}
              slotProps={{ input: { readOnly } }}
            >
              <MenuItem value="full">{t('startFull')}</MenuItem>
              <MenuItem value="zero">{t('startZero')}</MenuItem>
            </TextField>
          </Stack>
          {((section.indicators as Json[] | undefined) ?? []).map((indicator, i) => {
            const base = ['sections', s, 'indicators', i];
            const kind = String(indicator.kind);
            return (
              <Box key={i} sx={{ pl: 2, py: 0.5, borderLeft: 3, borderColor: 'divider', mb: 1 }}>
                <Typography variant="caption" color="text.secondary">
                  {t(`kinds.${kind}`)}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                  {field([...base, 'title', 'zh'], t('indicator'), 'text', 260)}
                  {field([...base, 'id'], t('id'), 'text', 150)}
                  {(KIND_FIELDS[kind] ?? []).map(({ key, type }) =>
                    field([...base, key], t(`fields.${key}`), type, 110),
                  )}
                  {kind === 'deadline' &&
                    (['onTime', 'late', 'missing'] as const).map((k) =>
                      field([...base, 'points', k], t(`fields.${k}`), 'number', 90),
                    )}
                </Stack>
              </Box>
            );
          })}
        </Paper>
      ))}
    </Stack>
  );
};
