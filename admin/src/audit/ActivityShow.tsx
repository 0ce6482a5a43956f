import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useLoadError } from '../common/useLoadError';
import { formatDateTime } from '../i18n/dates';
import { eventLabel, named, type ActivityEvent } from './activityEvent';
import { Correlated } from './Correlated';
import { Actor, EventData, Subject, Units } from './EventParts';

/** The page's title says the event in words and what it is about, not its id. */
const Title = () => {
  const event = useRecordContext<ActivityEvent>();
  const translate = useTranslate();
  if (!event) return null;
  const subject = event.subject && named(event, event.subject).name;
  return <>{[eventLabel(translate, event.type), subject].filter(Boolean).join(' · ')}</>;
};

const Details = () => {
  const event = useRecordContext<ActivityEvent>();
  return event ? <EventData event={event} layout="table" /> : null;
};

/** One event in full: the same who, what, about whom and when as the list, its data one field a line. */
export const ActivityShow = () => {
  const translate = useTranslate();
  const onError = useLoadError();
  return (
    <Show actions={false} queryOptions={{ onError }} title={<Title />}>
      <SimpleShowLayout>
        <FunctionField<ActivityEvent> source="type" render={(event) => eventLabel(translate, event.type)} />
        <FunctionField<ActivityEvent> source="actorId" render={(event) => <Actor event={event} />} />
        <FunctionField<ActivityEvent> source="subject" render={(event) => <Subject event={event} />} />
        <FunctionField<ActivityEvent> source="unitIds" render={(event) => <Units event={event} />} />
        <Labeled source="data" fullWidth>
          <Details />
        </Labeled>
        {/* The business date: a day of the county's calendar. */}
        <FunctionField<ActivityEvent>
          source="occurredAt"
          render={(event) => formatDateTime(event.occurredAt).slice(0, 10)}
        />
        <DateTimeField source="recordedAt" />
        <FunctionField<ActivityEvent> source="correlated" render={(event) => <Correlated event={event} />} />
        <TextField source="correlationId" />
        <TextField source="commandId" />
        <TextField source="position" />
        <TextField source="id" />
      </SimpleShowLayout>
    </Show>
  );
};
