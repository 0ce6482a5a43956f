import { FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useLoadError } from '../common/useLoadError';
import { eventLabel, roleLabel } from './eventLabel';

export const ActivityShow = () => {
  const translate = useTranslate();
  const onError = useLoadError();
  return (
    <Show actions={false} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="position" />
        <FunctionField source="type" render={(event) => `${eventLabel(translate, event.type)}（${event.type}）`} />
        <TextField source="stream" />
        <TextField source="actorId" />
        <FunctionField source="actorRole" render={(event) => roleLabel(translate, event.actorRole)} />
        <DateTimeField source="occurredAt" />
        <DateTimeField source="recordedAt" />
        <FunctionField source="unitIds" render={(event) => (event.unitIds ?? []).join('、') || '—'} />
        <TextField source="id" />
      </SimpleShowLayout>
    </Show>
  );
};
