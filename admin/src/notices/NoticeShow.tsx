import { Box, Card, CardContent, Chip, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Loading, Show, useRecordContext, useTranslate } from 'react-admin';
import { SendBackButton } from './NoticeActions';
import { NoticeActions } from './NoticeActions';
import { NoticeStatusField } from './NoticeFields';

const F = 'resources.criticism-notices.fields';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Item = ({ label, value }: { label: string; value: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2">{value ?? '—'}</Typography>
    </Grid>
  );
};

interface Recipient {
  unitId: string;
  unitName: string | null;
  acknowledgedOn: string | null;
  urged: number;
}
interface Rectification {
  unitId: string;
  unitName: string | null;
  status: 'owed' | 'reported' | 'sent_back';
  report: string | null;
  evidenceIds: string[];
  reportedOn: string | null;
  sentBackReason: string | null;
}

/** Acknowledgement progress: n of m units as a bar, and who has not acknowledged yet. */
const Circulation = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.circulatedOn) return <Typography variant="body2">{translate('notices.show.notYet')}</Typography>;
  const { acknowledged, total } = record.progress as { acknowledged: number; total: number };
  const pending = record.pending as Recipient[];
  return (
    <Box data-testid="acknowledgement-progress">
      <Typography variant="body2" data-testid="acknowledgement-count">
        {translate('notices.show.progress', { done: acknowledged, total })}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={total ? (100 * acknowledged) / total : 0}
        color={acknowledged === total ? 'success' : 'primary'}
        sx={{ height: 10, borderRadius: 5, my: 1 }}
      />
      {record.urgedRounds > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('notices.show.rounds', { count: record.urgedRounds, next: record.nextUrgeOn ?? '—' })}
        </Typography>
      )}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {pending.length ? translate('notices.show.pending') : translate('notices.show.allAcknowledged')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="pending-units">
        {pending.map((p) => (
          <Chip
            key={p.unitId}
            size="small"
            color={p.urged ? 'warning' : 'default'}
            label={p.urged ? `${p.unitName}（${translate('notices.show.urged', { count: p.urged })}）` : p.unitName}
          />
        ))}
      </Stack>
    </Box>
  );
};

const Rectifications = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1} data-testid="rectifications">
      {(record.rectifications as Rectification[]).map((r) => (
        <Box
          key={r.unitId}
          sx={{ borderLeft: 3, borderColor: r.status === 'reported' ? 'success.main' : 'warning.main', pl: 1 }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {r.unitName}
            </Typography>
            <Chip size="small" label={translate(`choices.rectification.${r.status}`)} />
            {r.reportedOn && <Typography variant="caption">{r.reportedOn}</Typography>}
            {r.status === 'reported' && record.status !== 'closed' && (
              <SendBackButton noticeId={String(record.id)} unitId={r.unitId} />
            )}
          </Stack>
          {r.report && <Typography variant="body2">{r.report}</Typography>}
          {r.evidenceIds.length > 0 && (
            <Typography variant="caption">
              {translate('notices.show.evidence', { count: r.evidenceIds.length })}
            </Typography>
          )}
          {r.sentBackReason && (
            <Typography variant="caption" color="warning.main" sx={{ display: 'block' }}>
              {translate('notices.show.returned', { reason: r.sentBackReason })}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
};

const NoticeBody = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  // Right after a create, react-admin's cache holds the command's receipt until the notice itself is fetched.
  if (!record?.history) return <Loading />;
  const facts = record.facts as { kind: string; unitId: string | null; ref: string | null; text: string }[];
  const names = new Map((record.unitIds as string[]).map((id: string, i: number) => [id, record.unitNames[i]]));
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h5">{record.title}</Typography>
        <NoticeStatusField />
      </Stack>
      <NoticeActions />
      {record.status === 'draft' && record.returnedReason && (
        <Typography color="warning.main" sx={{ mb: 1 }}>
          {translate('notices.show.returned', { reason: record.returnedReason })}
        </Typography>
      )}
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Item label={`${F}.documentNumber`} value={record.documentNumber} />
        <Item label={`${F}.unitNames`} value={(record.unitNames as string[]).join('、')} />
        <Item label={`${F}.reason`} value={record.reason} />
        <Item label={`${F}.draftedBy`} value={record.draftedBy} />
        <Item label={`${F}.approvedBy`} value={record.approvedBy} />
        <Item label={`${F}.issuedOn`} value={record.issuedOn} />
        <Item label={`${F}.circulatedOn`} value={record.circulatedOn} />
        <Item label={`${F}.acknowledgeBy`} value={record.acknowledgeBy} />
        <Item label={`${F}.rectifyBy`} value={record.rectifyBy} />
        <Item label={`${F}.closedOn`} value={record.closedOn} />
      </Grid>
      {record.body && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 2 }}>
          {record.body}
        </Typography>
      )}
      <Section title="notices.show.facts" testId="notice-facts">
        {facts.map((f, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Chip size="small" variant="outlined" label={translate(`choices.noticeFactKind.${f.kind}`)} />
            {f.unitId && <Typography variant="body2">{names.get(f.unitId) ?? f.unitId}：</Typography>}
            <Typography variant="body2">{f.text}</Typography>
            {f.ref && (
              <Typography variant="caption" color="text.secondary">
                {f.ref}
              </Typography>
            )}
          </Stack>
        ))}
      </Section>
      <Section title="notices.show.circulation">
        <Circulation />
      </Section>
      {(record.rectifications as Rectification[]).length > 0 && (
        <Section title="notices.show.rectifications">
          <Rectifications />
        </Section>
      )}
      <Section title="notices.show.history" testId="notice-history">
        {(record.history as { eventId: string; type: string; occurredAt: string; actorId: string }[]).map((h) => (
          <Typography key={h.eventId} variant="body2">
            {new Date(h.occurredAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} ·{' '}
            {translate(`choices.event.${h.type}`)} · {h.actorId}
          </Typography>
        ))}
      </Section>
    </Box>
  );
};

/** A notice: its facts, the bureau's next step, circulation with the acknowledgement progress, rectifications. */
export const NoticeShow = () => (
  <Show actions={false}>
    <NoticeBody />
  </Show>
);
