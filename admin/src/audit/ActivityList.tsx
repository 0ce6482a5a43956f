import { useState } from 'react';
import { DataTable, DateInput, List, SelectArrayInput, TextInput, useTranslate } from 'react-admin';
import { messageKeys } from '../i18n/i18nProvider';
import { eventLabel, type ActivityEvent } from './activityEvent';
import { Actor, EventData, Subject, Units, When } from './EventParts';

/** Every event type the app's messages label (each feature's choices.event, from its server events file). */
const eventChoices = () => messageKeys('choices.event').map((id) => ({ id, name: `choices.event.${id}` }));

/** Business dates from/to (when it happened), and who did it; the record dates on demand. */
const filters = () => [
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <SelectArrayInput key="type" source="type" choices={eventChoices()} alwaysOn />,
  <TextInput key="actorId" source="actorId" />,
  <DateInput key="recordedFrom" source="recordedFrom" />,
  <DateInput key="recordedTo" source="recordedTo" />,
];

/**
 * The log as an auditor reads it: when (business date, and record time), who (name and role), what
 * (the event in words and its data with labels), about whom or what, in which unit, each a name
 * linked to its page.
 */
const Column = DataTable.Col<ActivityEvent>;
/** Names and dates on one line; the data takes the rest of the width. */
const oneLine = () => ({ whiteSpace: 'nowrap' });

export const ActivityList = () => {
  const translate = useTranslate();
  // The filters are made once, when the screen first loads (after App has made the messages).
  const [listFilters] = useState(filters);
  return (
    <List filters={listFilters} exporter={false} sort={{ field: 'position', order: 'DESC' }}>
      <DataTable<ActivityEvent> bulkActionButtons={false} rowClick="show">
        <Column source="occurredAt" label="activity.when" cellSx={oneLine} render={(event) => <When event={event} />} />
        <Column source="actorId" disableSort cellSx={oneLine} render={(event) => <Actor event={event} />} />
        <Column source="type" cellSx={oneLine} render={(event) => eventLabel(translate, event.type)} />
        <Column source="subject" disableSort cellSx={oneLine} render={(event) => <Subject event={event} />} />
        <Column source="unitIds" disableSort cellSx={oneLine} render={(event) => <Units event={event} />} />
        <Column source="data" disableSort render={(event) => <EventData event={event} />} />
      </DataTable>
    </List>
  );
};
