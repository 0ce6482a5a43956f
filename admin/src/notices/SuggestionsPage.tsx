import {
  Box,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Title, useDataProvider, useLocaleState, useResourceDefinitions, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import type { LaggingUnit, NoticesDataProvider } from './dataProvider';
import { SettingsButton } from './SettingsButton';

/**
 * Where a fact is looked at: an obligation in the obligations list (when the admin has one), a bulletin's
 * event in the activity log (filtered by its stream); null when there is no page for it.
 */
const linkOf = (reason: LaggingUnit['reasons'][number], resources: Record<string, unknown>) =>
  reason.link.resource === 'obligations'
    ? resources.obligations
      ? `/obligations?filter=${encodeURIComponent(JSON.stringify({ id: reason.ref }))}`
      : null
    : `/activity?filter=${encodeURIComponent(JSON.stringify({ stream: reason.ref }))}`;

/** The lagging units with their facts; ticking some and drafting carries them over into a new notice. */
export const SuggestionsPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const [picked, setPicked] = useState<string[]>([]);
  const resources = useResourceDefinitions();
  const { data = [], isPending } = useQuery({
    queryKey: ['criticism-notices', 'suggestions'],
    queryFn: () => dataProvider.getNoticeSuggestions().then(({ data }) => data),
  });
  const toggle = (unitId: string) =>
    setPicked((now) => (now.includes(unitId) ? now.filter((id) => id !== unitId) : [...now, unitId]));
  const draft = () => {
    const chosen = data.filter((s) => picked.includes(s.unitId));
    const record = {
      unitIds: picked,
      facts: chosen.flatMap((s) =>
        s.reasons.map((r) => ({ kind: r.kind, unitId: r.unitId, ref: r.ref, eventId: r.eventId, text: r.text })),
      ),
    };
    navigate('/criticism-notices/create', { state: { record } });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('notices.suggestions.title')} />
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">{translate('notices.suggestions.title')}</Typography>
          <SettingsButton />
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('notices.suggestions.hint')}
        </Typography>
        {!isPending && data.length === 0 && <Typography>{translate('notices.suggestions.none')}</Typography>}
        {data.length > 0 && (
          <Table size="small" data-testid="lagging-units">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{translate('resources.criticism-notices.fields.unitIds')}</TableCell>
                <TableCell>{translate('resources.criticism-notices.fields.facts')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((s) => (
                <TableRow key={s.unitId} data-testid="lagging-unit">
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={picked.includes(s.unitId)}
                      onChange={() => toggle(s.unitId)}
                      slotProps={{ input: { 'aria-label': s.unitName ?? s.unitId } }}
                    />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {s.unitName ?? s.unitId}
                    </Typography>
                    {s.openNotices.length > 0 && (
                      <Typography variant="caption" color="warning.main">
                        {translate('notices.suggestions.already')}
                        {s.openNotices.map((n) => n.documentNumber ?? n.title).join('、')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Stack spacing={0.5}>
                      {s.reasons.map((r, i) => (
                        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                          <Chip size="small" variant="outlined" label={translate(`choices.noticeFactKind.${r.kind}`)} />
                          {linkOf(r, resources) ? (
                            <Link to={linkOf(r, resources)!}>{locale === 'en' ? r.label.en : r.label.zh}</Link>
                          ) : (
                            <Typography variant="body2">{locale === 'en' ? r.label.en : r.label.zh}</Typography>
                          )}
                        </Box>
                      ))}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Box sx={{ mt: 2 }}>
          <Button
            variant="contained"
            disabled={picked.length === 0}
            onClick={draft}
            label={translate('notices.suggestions.draft', { count: picked.length })}
          />
        </Box>
      </CardContent>
    </Card>
  );
};
