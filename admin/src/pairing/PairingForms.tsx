import AddIcon from '@mui/icons-material/Add';
import { useState, type ReactNode } from 'react';
import {
  BooleanInput,
  Button,
  DateInput,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../common/CommandDialog';
import { PickByName } from '../common/PickByName';
import { useCommand } from '../dataProvider/useCommand';
import { today } from '../i18n/dates';
import type { PairingDataProvider } from './dataProvider';

type Values = Record<string, unknown>;
type Send = (dataProvider: PairingDataProvider, id: string, values: Values) => Promise<unknown>;

/** The choices of a server label map under `choices.<group>` (the kinds of work, the students' situations). */
const useChoices = (group: string, keys: readonly string[]) => {
  const translate = useTranslate();
  return keys.map((id) => ({ id, name: translate(`choices.${group}.${id}`) }));
};

const blank = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** A button opening one command's dialog on the pairing shown. */
const PairingCommand = ({
  label,
  send,
  children,
  initial,
}: {
  label: string;
  send: Send;
  children: ReactNode;
  initial?: Values;
}) => {
  const pairing = useRecordContext();
  const [open, setOpen] = useState(false);
  const command = useCommand<PairingDataProvider, Values>(
    (dataProvider, values) => send(dataProvider, String(pairing!.id), values) as never,
    { success: 'pairing.action.saved' },
  );
  if (!pairing) return null;
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <CommandDialog
        open={open}
        title={label}
        submitLabel={label}
        onClose={() => setOpen(false)}
        onSubmit={(values) => command.mutateAsync(values)}
        record={initial ?? { on: today() }}
      >
        {children}
      </CommandDialog>
    </>
  );
};

const When = () => <DateInput source="on" label="pairing.field.on" validate={required()} />;
const Note = () => <TextInput source="note" label="pairing.field.note" multiline fullWidth />;

/** 帮教: a training names its teachers, one per line. */
export const TeachingButton = () => (
  <PairingCommand
    label="pairing.action.teaching"
    send={(dp, id, v) =>
      dp.logPairingTeaching(id, {
        kind: v.kind,
        on: v.on,
        title: v.title,
        note: blank(v.note),
        teachersTrained: String(v.teachersTrained ?? '')
          .split(/[\n,，、]/)
          .map((name) => name.trim())
          .filter(Boolean),
      })
    }
  >
    <SelectInput
      source="kind"
      label="pairing.field.kind"
      choices={useChoices('pairingTeaching', ['training', 'teaching-outreach', 'resource-sharing'])}
      validate={required()}
    />
    <When />
    <TextInput source="title" label="pairing.field.title" validate={required()} fullWidth />
    <TextInput source="teachersTrained" label="pairing.field.teachersTrained" multiline fullWidth />
    <Note />
  </PairingCommand>
);

/** 帮党建: joint work, joint activities, shared records. */
export const PartyBuildingButton = () => (
  <PairingCommand
    label="pairing.action.partyBuilding"
    send={(dp, id, v) =>
      dp.logPairingPartyBuilding(id, { kind: v.kind, on: v.on, title: v.title, note: blank(v.note) })
    }
  >
    <SelectInput
      source="kind"
      label="pairing.field.kind"
      choices={useChoices('pairingPartyBuilding', ['joint-work', 'joint-activity', 'shared-records'])}
      validate={required()}
    />
    <When />
    <TextInput source="title" label="pairing.field.title" validate={required()} fullWidth />
    <Note />
  </PairingCommand>
);

/** 帮困: a Party-member teacher of the helper school and a student named by pseudonym only. */
export const PairButton = () => {
  const pairing = useRecordContext();
  const translate = useTranslate();
  const situations = useChoices('pairingSituation', ['poor', 'learning-difficulty', 'left-behind']);
  if (!pairing) return null;
  return (
    <PairingCommand
      label="pairing.action.pair"
      send={(dp, id, v) =>
        dp.formPairingPair(id, {
          memberId: v.memberId,
          student: v.student,
          situation: v.situation,
          helpedUnitId: v.helpedUnitId ?? null,
          on: v.on,
        })
      }
    >
      <PickByName
        source="memberId"
        reference="members"
        filter={{ unitId: pairing.helperUnitId, status: 'active' }}
        label="pairing.field.memberId"
        validate={required()}
      />
      <TextInput
        source="student"
        label="pairing.field.student"
        helperText={translate('pairing.field.studentHelp')}
        validate={required()}
      />
      <SelectInput source="situation" label="pairing.field.situation" choices={situations} validate={required()} />
      {pairing.helpedUnits.length > 1 && (
        <SelectInput
          source="helpedUnitId"
          label="pairing.field.helpedUnitId"
          choices={pairing.helpedUnits}
          validate={required()}
        />
      )}
      <When />
    </PairingCommand>
  );
};

/** A visit, a talk or tutoring within one of the pairing's one-to-one pairs. */
export const SupportButton = () => {
  const pairing = useRecordContext();
  const kinds = useChoices('pairingSupport', ['visit', 'counselling', 'tutoring']);
  if (!pairing?.pairs?.length) return null;
  const pairs = pairing.pairs.map((p: { id: string; teacherName: string; student: string }) => ({
    id: p.id,
    name: `${p.teacherName} — ${p.student}`,
  }));
  return (
    <PairingCommand
      label="pairing.action.support"
      send={(dp, id, v) => dp.givePairingSupport(id, String(v.pairId), { kind: v.kind, on: v.on, note: blank(v.note) })}
    >
      <SelectInput source="pairId" label="pairing.field.pair" choices={pairs} validate={required()} />
      <SelectInput source="kind" label="pairing.field.kind" choices={kinds} validate={required()} />
      <When />
      <Note />
    </PairingCommand>
  );
};

/** One item of the checklist judged met or not met. */
export const NormButton = () => {
  const pairing = useRecordContext();
  if (!pairing) return null;
  const norms = pairing.norms.map((n: { key: string; zh: string }) => ({ id: n.key, name: n.zh }));
  return (
    <PairingCommand
      label="pairing.action.norm"
      send={(dp, id, v) =>
        dp.assessPairingNorm(id, String(v.normKey), { met: Boolean(v.met), on: v.on, note: blank(v.note) })
      }
    >
      <SelectInput source="normKey" label="pairing.field.norm" choices={norms} validate={required()} />
      <BooleanInput source="met" label="pairing.field.met" defaultValue={true} />
      <When />
      <Note />
    </PairingCommand>
  );
};

/** The bureau continues a term to a later last day, from the revision the page shows (409 if changed meanwhile). */
export const ExtendButton = () => {
  const pairing = useRecordContext();
  if (!pairing) return null;
  return (
    <PairingCommand
      label="pairing.action.extend"
      initial={{ endsOn: pairing.endsOn }}
      send={(dp, id, v) =>
        dp.extendPairing(id, { endsOn: v.endsOn, reason: v.reason, expectedRevision: pairing.revision })
      }
    >
      <DateInput source="endsOn" label="resources.pairings.fields.endsOn" validate={required()} />
      <TextInput source="reason" label="pairing.field.reason" validate={required()} fullWidth />
    </PairingCommand>
  );
};

/** The bureau ends a pairing early; work after that day is refused. */
export const EndButton = () => (
  <PairingCommand label="pairing.action.end" send={(dp, id, v) => dp.endPairing(id, { on: v.on, reason: v.reason })}>
    <When />
    <TextInput source="reason" label="pairing.field.reason" validate={required()} fullWidth />
  </PairingCommand>
);
