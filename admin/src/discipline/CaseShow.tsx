import { Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DateInput,
  NumberInput,
  required,
  SelectInput,
  Show,
  TextInput,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../common/CommandButton';
import type { DisciplineDataProvider } from './dataProvider';

type Row = Record<string, string | number | null>;

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

const Rows = ({
  rows,
  columns,
  render,
}: {
  rows: Row[];
  columns: string[];
  render?: Record<string, (r: Row) => ReactNode>;
}) => {
  const translate = useTranslate();
  if (!rows.length) return <Typography variant="body2">{translate('discipline.none')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c}>{translate(`discipline.column.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={String(r.id)}>
            {columns.map((c) => (
              <TableCell key={c}>{render?.[c] ? render[c](r) : (r[c] ?? '—')}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A decision dialog: the deciding body and the document number are asked every time. */
const Decide = ({
  command,
  label,
  extra,
  decision = true,
}: {
  command: string;
  label: string;
  extra?: ReactNode;
  /** A decision asks its day, deciding body and document number; an appeal or a closure does not. */
  decision?: boolean;
}) => {
  const record = useRecordContext();
  const provider = useDataProvider<DisciplineDataProvider>();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <CommandButton
      label={label}
      onSubmit={async (values) => {
        const { choice, ...rest } = values;
        const body = Object.fromEntries(
          Object.entries(rest).filter(([, v]) => v !== null && v !== undefined && v !== ''),
        );
        const [track, measure] = typeof choice === 'string' ? choice.split(':') : [];
        await provider.disciplineCommand(record.id, command, {
          ...body,
          ...(track ? { track, measure } : {}),
          expectedRevision: record.revision,
        });
        refresh();
      }}
    >
      {extra}
      {command === 'close' && <DateInput source="closedOn" label="discipline.field.closedOn" validate={required()} />}
      {decision && (
        <>
          <DateInput source="decidedOn" label="discipline.column.decidedOn" validate={required()} />
          <TextInput source="decidingBody" label="discipline.column.decidingBody" validate={required()} />
          <TextInput source="documentNumber" label="discipline.column.documentNumber" validate={required()} />
        </>
      )}
    </CommandButton>
  );
};

const SanctionFields = () => {
  const translate = useTranslate();
  const measures = [
    ...['warning', 'serious_warning', 'removal_from_party_posts', 'party_probation', 'expulsion'].map((id) => ({
      id: `party:${id}`,
      name: `${translate('discipline.track.party')}：${translate(`choices.partySanction.${id}`)}`,
    })),
    ...[
      'warning',
      'demerit',
      'major_demerit',
      'post_grade_demotion',
      'demotion',
      'dismissal_from_post',
      'dismissal',
    ].map((id) => ({
      id: `administrative:${id}`,
      name: `${translate('discipline.track.administrative')}：${translate(`choices.administrativeSanction.${id}`)}`,
    })),
  ];
  return (
    <>
      <SelectInput source="choice" label="discipline.column.measure" choices={measures} validate={required()} />
      <NumberInput source="months" label="discipline.field.months" />
    </>
  );
};

const Actions = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'discipline-cases', action: 'approve' });
  if (!record?.sanctionList || !canAccess) return null;
  const sanctions = record.sanctionList as Row[];
  const appeals = (record.appeals as Row[]).filter((a) => a.outcome === null);
  const appealable = sanctions
    .filter((s) => !s.revokedOn)
    .map((s) => ({ id: String(s.id), name: `${s.documentNumber}（${s.decidedOn}）` }));
  // Appeals and their outcomes are recorded even after the case is closed.
  const appealActions = (
    <>
      {appealable.length > 0 && (
        <Decide
          command="appeals"
          decision={false}
          label="discipline.action.appeal"
          extra={
            <>
              <SelectInput
                source="sanctionId"
                label="discipline.field.sanction"
                choices={appealable}
                validate={required()}
              />
              <DateInput source="filedOn" label="discipline.field.filedOn" validate={required()} />
              <TextInput source="grounds" label="discipline.field.grounds" multiline validate={required()} />
            </>
          }
        />
      )}
      {appeals.map((a) => (
        <Decide
          key={String(a.id)}
          command={`appeals/${a.id}/decision`}
          label="discipline.action.decideAppeal"
          extra={
            <SelectInput
              source="outcome"
              label="discipline.field.outcome"
              choices={[
                { id: 'upheld', name: 'discipline.outcome.upheld' },
                { id: 'revoked', name: 'discipline.outcome.revoked' },
              ]}
              validate={required()}
            />
          }
        />
      ))}
    </>
  );
  if (record.closedOn)
    return (
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        {appealActions}
      </Stack>
    );
  const ethics = record.kind === 'teacher_ethics_violation';
  const probations = sanctions.filter(
    (s) => s.track === 'party' && s.measure === 'party_probation' && !s.concluded && !s.revokedOn,
  );
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
      {ethics && !record.violationConfirmedOn && (
        <Decide
          command="violation"
          label="discipline.action.violation"
          extra={<TextInput source="findings" label="discipline.field.findings" validate={required()} />}
        />
      )}
      <Decide command="sanctions" label="discipline.action.sanction" extra={<SanctionFields />} />
      {ethics && (
        <Decide
          command="disqualification"
          label="discipline.action.disqualify"
          extra={
            <NumberInput source="months" label="discipline.field.months" defaultValue={24} validate={required()} />
          }
        />
      )}
      {record.category === 'probationary' && (
        <Decide
          command="measures"
          label="discipline.action.measure"
          extra={
            <SelectInput
              source="measure"
              label="discipline.column.measure"
              choices={['criticism_education', 'probation_extension', 'probation_cancellation'].map((id) => ({
                id,
                name: `choices.probationaryMeasure.${id}`,
              }))}
              validate={required()}
            />
          }
        />
      )}
      {probations.map((p) => (
        <Stack key={String(p.id)} direction="row" spacing={1}>
          <Decide command={`sanctions/${p.id}/extension`} label="discipline.action.extend" />
          <Decide
            command={`sanctions/${p.id}/conclusion`}
            label="discipline.action.conclude"
            extra={
              <SelectInput
                source="outcome"
                label="discipline.field.outcome"
                choices={[
                  { id: 'restored', name: 'discipline.outcome.restored' },
                  { id: 'expelled', name: 'discipline.outcome.expelled' },
                ]}
                validate={required()}
              />
            }
          />
        </Stack>
      ))}
      <Decide
        command="close"
        decision={false}
        label="discipline.action.close"
        extra={
          <SelectInput
            source="conclusion"
            label="discipline.field.conclusion"
            choices={[
              { id: 'decided', name: 'discipline.conclusion.decided' },
              { id: 'unfounded', name: 'discipline.conclusion.unfounded' },
            ]}
            validate={required()}
          />
        }
      />
      {appealActions}
    </Stack>
  );
};

const CaseFile = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  // The list's row shows first (react-admin's cache); the case file arrives with the record itself.
  if (!record?.sanctionList) return null;
  const measure = (r: Row) =>
    translate(`choices.${r.track === 'party' ? 'partySanction' : 'administrativeSanction'}.${r.measure}`);
  return (
    <>
      <Typography variant="h5" gutterBottom data-testid="case-title">
        {record.name} · {translate(`discipline.kind.${record.kind}`)} · {record.unitName}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {record.openedOn} · {record.summary}
        {record.closedOn ? ` · ${translate('resources.discipline-cases.fields.closedOn')} ${record.closedOn}` : ''}
      </Typography>
      <Actions />
      <Section title="discipline.section.sanctions">
        <Rows
          rows={record.sanctionList}
          columns={['track', 'measure', 'decidedOn', 'decidingBody', 'documentNumber', 'lastDay', 'revokedOn']}
          render={{ track: (r) => translate(`discipline.track.${r.track}`), measure }}
        />
      </Section>
      <Section title="discipline.section.disqualifications">
        <Rows
          rows={record.disqualifications}
          columns={['months', 'decidedOn', 'decidingBody', 'documentNumber', 'lastDay']}
        />
      </Section>
      <Section title="discipline.section.measures">
        <Rows
          rows={record.measures}
          columns={['measure', 'decidedOn', 'decidingBody', 'documentNumber']}
          render={{ measure: (r) => translate(`choices.probationaryMeasure.${r.measure}`) }}
        />
      </Section>
      <Section title="discipline.section.appeals">
        <Rows
          rows={record.appeals}
          columns={['filedOn', 'grounds', 'outcome', 'decidedOn', 'decidingBody', 'documentNumber']}
          render={{ outcome: (r) => (r.outcome ? translate(`discipline.outcome.${r.outcome}`) : '—') }}
        />
      </Section>
    </>
  );
};

/** A case page: the person, each sanction as its own record with its period, and the decisions to take. */
export const CaseShow = () => (
  <Show>
    <CaseFile />
  </Show>
);
