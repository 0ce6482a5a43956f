import { FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { SelectArrayInput, TextInput, useDataProvider, useInput, useTranslate } from 'react-admin';
import type { OrgLifeDataProvider, RosterMember } from './dataProvider';

type Mark = 'present' | 'absentWithLeave' | 'absent';
const MARKS: Mark[] = ['present', 'absentWithLeave', 'absent'];
interface Attendance {
  present: string[];
  absentWithLeave: string[];
  absent: string[];
}
const EMPTY: Attendance = { present: [], absentWithLeave: [], absent: [] };

/** The roster of the chosen organisation on the chosen day: what attendance is picked from. */
export const useRosterOn = () => {
  const orgId = useWatch({ name: 'orgId' }) as string | undefined;
  const heldOn = useWatch({ name: 'heldOn' }) as string | undefined;
  const dataProvider = useDataProvider<OrgLifeDataProvider>();
  return useQuery({
    queryKey: ['organizational-life', 'roster', orgId, heldOn],
    queryFn: async () => (await dataProvider.getOrgLifeRoster(orgId!, heldOn!)).data,
    enabled: !!orgId && !!heldOn && /^\d{4}-\d{2}-\d{2}$/.test(heldOn),
  });
};

const markOf = (attendance: Attendance, id: string): Mark =>
  MARKS.find((mark) => attendance[mark].includes(id)) ?? 'present';

/**
 * Attendance from the roster of the day, one line per member (present by default; a probationary member
 * is marked as such: they attend without a vote and count for no quorum).
 */
export const AttendanceInput = () => {
  const translate = useTranslate();
  const { data: roster } = useRosterOn();
  const { field } = useInput<Attendance>({ source: 'attendance', defaultValue: EMPTY });
  const attendance = (field.value as Attendance | undefined) ?? EMPTY;
  useEffect(() => {
    // A new organisation or day: everyone on its roster, present.
    if (roster) field.onChange({ present: roster.map((m) => m.id), absentWithLeave: [], absent: [] });
    // Only when the roster itself changes: the field is this effect's output, not its input.
  }, [roster]);
  const mark = (member: RosterMember, to: Mark) => {
    const next = Object.fromEntries(
      MARKS.map((m) => [m, attendance[m].filter((id) => id !== member.id).concat(m === to ? [member.id] : [])]),
    ) as unknown as Attendance;
    field.onChange(next);
  };
  if (!roster)
    return <Typography color="text.secondary">{translate('resources.organizational-life.no_roster')}</Typography>;
  return (
    <Stack
      sx={{ mb: 2, width: '100%' }}
      aria-label={translate('resources.organizational-life.fields.attendance.present')}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.organizational-life.attendance_hint')}
      </Typography>
      {roster.map((member) => (
        <Stack
          key={member.id}
          direction="row"
          spacing={2}
          sx={{ alignItems: 'center' }}
          data-member={member.name ?? member.id}
        >
          <Typography sx={{ minWidth: 140 }}>
            {member.name}
            {member.category === 'probationary' ? `（${translate('resources.organizational-life.probationary')}）` : ''}
          </Typography>
          <RadioGroup row value={markOf(attendance, member.id)} onChange={(e) => mark(member, e.target.value as Mark)}>
            {MARKS.map((m) => (
              <FormControlLabel
                key={m}
                value={m}
                control={<Radio size="small" />}
                label={translate(`resources.organizational-life.fields.attendance.${m}`)}
              />
            ))}
          </RadioGroup>
        </Stack>
      ))}
    </Stack>
  );
};

/** A Party lesson's lecturers (one member, or a lesson group) from the roster of the day. */
export const LecturersInput = () => {
  const { data: roster } = useRosterOn();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  if (kind !== 'party_lesson') return null;
  return (
    <>
      <SelectArrayInput
        source="lecturers"
        choices={(roster ?? []).map((m) => ({ id: m.id, name: m.name ?? m.id }))}
        sx={{ minWidth: 300 }}
      />
      <TextInput source="lessonGroup" />
    </>
  );
};
