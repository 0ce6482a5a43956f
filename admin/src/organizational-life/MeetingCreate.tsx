import { Create, DateInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { PickByName } from '../common/PickByName';
import { today } from '../i18n/dates';
import { AttendanceInput, LecturersInput } from './AttendanceInput';
import { meetingKindChoices } from './choices';

/** Records a meeting as held: the organisation, kind, day, topic, attendance from that day's roster. */
export const MeetingCreate = () => (
  <Create
    redirect="show"
    mutationMode="pessimistic"
    title="resources.organizational-life.record"
    transform={(values: Record<string, unknown>) => ({
      ...values,
      lecturers: values.kind === 'party_lesson' ? (values.lecturers ?? []) : [],
      lessonGroup: values.kind === 'party_lesson' && values.lessonGroup ? values.lessonGroup : null,
    })}
  >
    <SimpleForm defaultValues={{ heldOn: today(), kind: 'theme_party_day' }}>
      <PickByName source="orgId" reference="party-organizations" validate={required()} sx={{ minWidth: 320 }} />
      <SelectInput source="kind" choices={meetingKindChoices} validate={required()} />
      <DateInput source="heldOn" validate={required()} />
      <TextInput source="topic" validate={[required(), maxLength(200)]} fullWidth />
      <LecturersInput />
      <AttendanceInput />
    </SimpleForm>
  </Create>
);
