import { Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  Show,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PairingActivity, PairingDataProvider } from './dataProvider';
import {
  EndButton,
  ExtendButton,
  NormButton,
  PairButton,
  PartyBuildingButton,
  SupportButton,
  TeachingButton,
} from './PairingForms';

interface Target {
  done: number;
  target: number;
  expectedByNow: number;
  met: boolean;
  metOn: string | null;
  behindPace: boolean;
}

/** One target as a bar: done of target, the straight-line pace marked, behind pace in the warning colour. */
const ProgressBar = ({ name, target }: { name: string; target: Target }) => {
  const translate = useTranslate();
  const share = (n: number) => (target.target ? Math.min(100, (100 * n) / target.target) : 100);
  const status = target.met
    ? translate('pairing.progress.met', { on: target.metOn })
    : target.behindPace
      ? translate('pairing.progress.behind')
      : translate('pairing.progress.onPace');
  return (
    <Box data-testid={`progress-${name}`} sx={{ mb: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Typography variant="body2">{translate(`pairing.progress.${name}`)}</Typography>
        <Typography variant="body2" data-testid={`progress-${name}-count`}>
          {target.done}/{target.target} · {status}
        </Typography>
      </Stack>
      <Box sx={{ position: 'relative' }}>
        <LinearProgress
          variant="determinate"
          value={share(target.done)}
          color={target.met ? 'success' : target.behindPace ? 'warning' : 'primary'}
          sx={{ height: 10, borderRadius: 5 }}
        />
        <Box
          title={translate('pairing.progress.expected', { expected: target.expectedByNow })}
          sx={{
            position: 'absolute',
            top: -3,
            bottom: -3,
            width: 2,
            bgcolor: 'text.secondary',
            left: `${share(target.expectedByNow)}%`,
          }}
        />
      </Box>
    </Box>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** What an entry of the log was, in words: its kind under its line's choices. */
const useKindName = () => {
  const translate = useTranslate();
  const groups: Record<string, string> = {
    teaching: 'choices.pairingTeaching',
    'party-building': 'choices.pairingPartyBuilding',
  };
  return (entry: PairingActivity) =>
    entry.line === 'support' && entry.kind !== 'pair-formed'
      ? translate(`choices.pairingSupport.${entry.kind}`)
      : groups[entry.line]
        ? translate(`${groups[entry.line]}.${entry.kind}`)
        : translate(`pairing.kind.${entry.kind}`, { _: entry.kind });
};

const ActivityLog = () => {
  const pairing = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PairingDataProvider>();
  const kindName = useKindName();
  const { data } = useQuery({
    queryKey: ['pairings', 'activities', pairing?.id],
    queryFn: () => dataProvider.getPairingActivities(pairing!.id).then(({ data }) => data),
    enabled: Boolean(pairing),
  });
  if (!data?.length) return <Typography variant="body2">{translate('pairing.empty')}</Typography>;
  return (
    <Box component="ul" data-testid="pairing-log" sx={{ pl: 2, m: 0 }}>
      {data.map((entry) => (
        <li key={entry.eventId}>
          <Typography variant="body2">
            {entry.on} · {translate(`pairing.line.${entry.line}`)} · {kindName(entry)}
            {entry.title ? ` · ${entry.title}` : ''}
            {entry.detail?.teachersTrained?.length ? `（${entry.detail.teachersTrained.join('、')}）` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

const PairingPage = () => {
  const pairing = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canLog } = useCanAccess({ resource: 'pairing-activities', action: 'create' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'pairings', action: 'edit' });
  // Opened from the list, react-admin shows the list's row until the pairing itself is read: wait for the page's parts.
  if (!pairing?.norms) return <LinearProgress />;
  const { progress } = pairing;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5">{pairing.name}</Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {pairing.startOn} — {pairing.endedOn ?? pairing.endsOn} · {translate(`pairing.status.${pairing.status}`)}
      </Typography>
      <Section title="pairing.section.progress">
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {translate('pairing.progress.asOf', { on: progress.asOf, percent: Math.round(progress.elapsed * 100) })}
        </Typography>
        <ProgressBar name="teachers" target={progress.teachers} />
        <ProgressBar name="members" target={progress.members} />
        <ProgressBar name="norms" target={progress.norms} />
      </Section>
      {canLog && pairing.status === 'active' && (
        <Section title="pairing.section.record">
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            <TeachingButton />
            <PairButton />
            <SupportButton />
            <PartyBuildingButton />
            <NormButton />
            {canEdit && <ExtendButton />}
            {canEdit && <EndButton />}
          </Stack>
        </Section>
      )}
      <Section title="pairing.section.norms">
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {pairing.norms.map((n: { key: string; zh: string; en: string; met: boolean | null; on: string | null }) => (
            <Chip
              key={n.key}
              label={`${locale.startsWith('zh') ? n.zh : n.en}${n.on ? `（${n.on}）` : ''}`}
              color={n.met ? 'success' : n.met === false ? 'warning' : 'default'}
              variant={n.met ? 'filled' : 'outlined'}
            />
          ))}
        </Stack>
      </Section>
      <Section title="pairing.section.summaries">
        {pairing.summaries.map((s: { year: number; dueOn: string; evidenceId: string | null }) => (
          <Typography key={s.year} variant="body2">
            {s.year} · {translate('pairing.field.dueOn')} {s.dueOn} ·{' '}
            {translate(s.evidenceId ? 'pairing.field.filed' : 'pairing.field.missing')}
          </Typography>
        ))}
      </Section>
      <Section title="pairing.section.teachers">
        <Typography variant="body2" data-testid="pairing-teachers">
          {pairing.teachersTrained.map((t: { name: string; on: string }) => `${t.name}（${t.on}）`).join('、') ||
            translate('pairing.empty')}
        </Typography>
      </Section>
      <Section title="pairing.section.pairs">
        {pairing.pairs.length ? (
          pairing.pairs.map(
            (p: { id: string; teacherName: string; student: string; situation: string; supportCount: number }) => (
              <Typography key={p.id} variant="body2">
                {p.teacherName} — {p.student}（{translate(`choices.pairingSituation.${p.situation}`)}）×{' '}
                {p.supportCount}
              </Typography>
            ),
          )
        ) : (
          <Typography variant="body2">{translate('pairing.empty')}</Typography>
        )}
      </Section>
      <Section title="pairing.section.log">
        <ActivityLog />
      </Section>
    </Box>
  );
};

/** A pairing community: its three progress bars, the forms to log its work, its checklist and its log. */
export const PairingShow = () => (
  <Show actions={<TopToolbar />}>
    <PairingPage />
  </Show>
);
