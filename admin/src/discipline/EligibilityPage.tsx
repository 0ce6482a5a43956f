import {
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Form, Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { PickByName } from '../common/PickByName';
import type { DisciplineDataProvider, EligibilityAnswer } from './dataProvider';

const RIGHTS = ['commend', 'introduce', 'vote', 'elect', 'hold_post', 'rejoin'];

/**
 * The eligibility look-up: a member and a day → each right, until when it is withheld, and (for the bureau
 * and auditors only: the server leaves them out for a secretary) the reasons.
 */
export const EligibilityPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const provider = useDataProvider<DisciplineDataProvider>();
  const [day, setDay] = useState('');
  const [answer, setAnswer] = useState<EligibilityAnswer | null>(null);
  const lookUp = async (values: Record<string, unknown>) => {
    if (typeof values.memberId !== 'string') return;
    setAnswer((await provider.getEligibility(values.memberId, day)).data);
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.discipline-eligibility.name" />
      <CardContent>
        <Form onSubmit={lookUp}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <PickByName
              source="memberId"
              reference="members"
              label="resources.discipline-eligibility.fields.memberId"
            />
            <TextField
              type="date"
              size="small"
              label={translate('resources.discipline-eligibility.fields.on')}
              value={day}
              onChange={(e) => setDay(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <Button type="submit" variant="contained">
              {translate('discipline.lookup')}
            </Button>
          </Stack>
        </Form>
        {answer && (
          <>
            <Typography variant="h6" sx={{ mt: 2 }} data-testid="eligibility-of">
              {answer.name} · {answer.on}
            </Typography>
            <Table size="small" data-testid="eligibility">
              <TableHead>
                <TableRow>
                  {['right', 'allowed', 'until', 'reasons'].map((c) => (
                    <TableCell key={c}>{translate(`discipline.column.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {RIGHTS.map((right) => {
                  const r = answer.rights[right];
                  return (
                    <TableRow key={right}>
                      <TableCell>{translate(`choices.right.${right}`)}</TableCell>
                      <TableCell sx={{ color: r.allowed ? 'success.main' : 'error.main' }}>
                        {translate(r.allowed ? 'discipline.yes' : 'discipline.no')}
                      </TableCell>
                      <TableCell>{r.allowed ? '—' : (r.until ?? translate('discipline.noEnd'))}</TableCell>
                      <TableCell>
                        {(r.reasons ?? []).map((x) => (locale === 'en' ? x.reason.en : x.reason.zh)).join('；') || '—'}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
};
