import {
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import {
  DateInput,
  required,
  SelectInput,
  Show,
  TextInput,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../common/CommandButton';
import { PickByName } from '../common/PickByName';
import type { CommendationsDataProvider } from './dataProvider';

const TITLES = ['outstanding_member', 'outstanding_party_worker', 'advanced_party_org'];

interface Nomination {
  id: string;
  title: string;
  nomineeName: string;
  orgName: string | null;
  status: string;
  vetoReasons: { zh: string; en: string; until: string | null }[];
}

const Command = ({
  command,
  label,
  children,
  transform,
}: {
  command: string;
  label: string;
  children: ReactNode;
  transform?: (v: Record<string, unknown>) => Record<string, unknown>;
}) => {
  const record = useRecordContext();
  const provider = useDataProvider<CommendationsDataProvider>();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <CommandButton
      label={label}
      onSubmit={async (values) => {
        await provider.commendationCommand(record.id, command, transform ? transform(values) : values);
        refresh();
      }}
    >
      {children}
    </CommandButton>
  );
};

const Actions = () => {
  const translate = useTranslate();
  const { canAccess: nominate } = useCanAccess({ resource: 'commendation-cycles', action: 'edit' });
  const { canAccess: approve } = useCanAccess({ resource: 'commendation-cycles', action: 'approve' });
  const record = useRecordContext();
  if (!record || record.decidedOn) return null;
  const titles = TITLES.map((id) => ({ id, name: translate(`choices.commendationTitle.${id}`) }));
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
      {nominate && !record.publicityFrom && (
        <Command
          command="nominations"
          label="commendations.action.nominate"
          transform={({ title, nomineeId, orgNominee, merits }) => ({
            title,
            nomineeId: title === 'advanced_party_org' ? orgNominee : nomineeId,
            merits,
          })}
        >
          <SelectInput source="title" label="commendations.field.title" choices={titles} validate={required()} />
          <PickByName source="nomineeId" reference="members" label="commendations.field.nomineeId" />
          <PickByName source="orgNominee" reference="party-organizations" label="commendations.field.orgNominee" />
          <TextInput source="merits" label="commendations.field.merits" multiline validate={required()} />
        </Command>
      )}
      {approve && !record.publicityFrom && (
        <Command command="publicity" label="commendations.action.publicity">
          <DateInput source="from" label="commendations.field.from" validate={required()} />
        </Command>
      )}
      {approve && record.publicityFrom && (
        <Command command="decision" label="commendations.action.decide">
          <DateInput source="decidedOn" label="commendations.field.decidedOn" validate={required()} />
          <TextInput source="decidingBody" label="commendations.field.decidingBody" validate={required()} />
          <TextInput source="documentNumber" label="commendations.field.documentNumber" validate={required()} />
        </Command>
      )}
    </Stack>
  );
};

/** 撤销表彰: an award revoked by a decision of its own (body, document number, reason), row by row. */
const RevokeAward = ({ nomination }: { nomination: Nomination }) => {
  const { canAccess: approve } = useCanAccess({ resource: 'commendation-cycles', action: 'approve' });
  if (!approve || nomination.status !== 'awarded') return null;
  return (
    <Command
      command={`nominations/${encodeURIComponent(nomination.id)}/revocation`}
      label="commendations.action.revoke"
    >
      <DateInput source="revokedOn" label="commendations.field.revokedOn" validate={required()} />
      <TextInput source="reason" label="commendations.field.reason" multiline validate={required()} />
      <TextInput source="decidingBody" label="commendations.field.decidingBody" validate={required()} />
      <TextInput source="documentNumber" label="commendations.field.documentNumber" validate={required()} />
    </Command>
  );
};

const COLOR: Record<string, 'default' | 'error' | 'success' | 'warning'> = {
  nominated: 'default',
  vetoed: 'error',
  awarded: 'success',
  not_awarded: 'default',
  revoked: 'default',
};

const Board = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The list's row shows first (react-admin's cache); the board arrives with the record itself.
  if (!record?.nominationList) return null;
  const nominations = record.nominationList as Nomination[];
  return (
    <>
      <Typography variant="h5" gutterBottom>
        {record.name}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="cycle-terms">
        {TITLES.map((t) => `${translate(`choices.commendationTitle.${t}`)} ${record.quotas[t]}`).join(' · ')} ·{' '}
        {translate('resources.commendation-cycles.fields.nominationsDueOn')} {record.nominationsDueOn} ·{' '}
        {record.publicityFrom
          ? translate('commendations.publicity', { from: record.publicityFrom, to: record.publicityTo })
          : translate('commendations.noPublicity')}
        {record.decidedOn
          ? ` · ${translate('commendations.decided', { on: record.decidedOn, document: record.documentNumber })}`
          : ''}
      </Typography>
      <Actions />
      <Card variant="outlined">
        <CardContent>
          <Table size="small" data-testid="nominations">
            <TableHead>
              <TableRow>
                {['title', 'nominee', 'org', 'status', 'veto', 'actions'].map((c) => (
                  <TableCell key={c}>{translate(`commendations.column.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {nominations.map((n) => (
                <TableRow key={n.id}>
                  <TableCell>{translate(`choices.commendationTitle.${n.title}`)}</TableCell>
                  <TableCell>{n.nomineeName}</TableCell>
                  <TableCell>{n.orgName ?? '—'}</TableCell>
                  <TableCell>
                    <Chip size="small" color={COLOR[n.status]} label={translate(`commendations.status.${n.status}`)} />
                  </TableCell>
                  <TableCell>
                    {n.vetoReasons
                      .map(
                        (r) =>
                          `${locale === 'en' ? r.en : r.zh}${r.until ? ` ${translate('commendations.until', { until: r.until })}` : ''}`,
                      )
                      .join('；') || '—'}
                  </TableCell>
                  <TableCell>
                    <RevokeAward nomination={n} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
};

/** The cycle board: terms, nominations with their status and vetoes (with reasons and ends), publicity, decision. */
export const CycleShow = () => (
  <Show>
    <Board />
  </Show>
);
