import { Box, Typography } from '@mui/material';
import { Fragment, type MouseEvent } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { can } from '../auth/access';
import { formatDateTime } from '../i18n/dates';
import {
  actorName,
  named,
  RESOURCE_OF,
  roleLabel,
  showValue,
  shownFields,
  fieldLabel,
  type ActivityEvent,
  type Named,
  type Shown,
} from './activityEvent';

/** A name, linked to its page when the user may open it; never a raw id. */
export const RefLink = ({ value }: { value: Named }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const resource = RESOURCE_OF[value.kind];
  const name = value.name ?? translate('activity.unnamed');
  if (!value.name || !can(resource, 'show')) return <span>{name}</span>;
  return (
    // A click on the name opens its page, not the event's (the list row's own click).
    <Link
      to={createPath({ resource, type: 'show', id: value.id })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {name}
    </Link>
  );
};

const ShownValues = ({ values }: { values: Shown[] }) => {
  const translate = useTranslate();
  return (
    <>
      {values.map((value, index) => (
        <Fragment key={index}>
          {index > 0 && translate('activity.next_item')}
          {'ref' in value ? <RefLink value={value.ref} /> : value.text}
        </Fragment>
      ))}
    </>
  );
};

/** Who: the actor's display name and, under it (or beside it, in a line of text), the roles in words. */
export const Actor = ({ event, inline = false }: { event: ActivityEvent; inline?: boolean }) => {
  const translate = useTranslate();
  const roles = event.actorId === 'system' ? '' : roleLabel(translate, event.actorRole);
  if (inline)
    return (
      <span data-testid="activity-actor">
        {actorName(translate, event)}
        {roles && translate('activity.roles', { roles })}
      </span>
    );
  return (
    <Box component="span" data-testid="activity-actor" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span>{actorName(translate, event)}</span>
      {roles && (
        <Typography component="span" variant="caption" color="text.secondary">
          {roles}
        </Typography>
      )}
    </Box>
  );
};

/** About whom or what: the thing the event's stream is the history of. */
export const Subject = ({ event }: { event: ActivityEvent }) =>
  event.subject ? <RefLink value={named(event, event.subject)} /> : <span>—</span>;

/** Which units: their names. */
export const Units = ({ event }: { event: ActivityEvent }) =>
  event.unitIds.length ? (
    <ShownValues values={event.unitIds.map((id) => ({ ref: named(event, { kind: 'unit', id }) }))} />
  ) : (
    <span>—</span>
  );

/** When: the business date it happened on, and when it was recorded (Asia/Shanghai). */
export const When = ({ event }: { event: ActivityEvent }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span>{formatDateTime(event.occurredAt).slice(0, 10)}</span>
      <Typography component="span" variant="caption" color="text.secondary">
        {translate('activity.recorded_at', { at: formatDateTime(event.recordedAt) })}
      </Typography>
    </Box>
  );
};

/** What changed: each field of the event's data with its label, in one line (list) or one per line (page). */
export const EventData = ({ event, layout = 'line' }: { event: ActivityEvent; layout?: 'line' | 'table' }) => {
  const translate = useTranslate();
  // In a line, an empty field (no records, no delay reason) is only noise; the full page shows them all.
  const fields = shownFields(event).filter(
    ([, value]) => layout === 'table' || !(value === null || (Array.isArray(value) && value.length === 0)),
  );
  if (!fields.length) return <span>—</span>;
  if (layout === 'line')
    return (
      <Typography component="span" variant="body2" data-testid="activity-data">
        {fields.map(([field, value], index) => (
          <Fragment key={field}>
            {index > 0 && translate('activity.next_field')}
            {translate('activity.field', { label: fieldLabel(translate, event.type, field) })}
            <ShownValues values={showValue(translate, event, field, value)} />
          </Fragment>
        ))}
      </Typography>
    );
  return (
    <Box
      component="dl"
      data-testid="activity-data"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      {fields.map(([field, value]) => (
        <Fragment key={field}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {fieldLabel(translate, event.type, field)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            <ShownValues values={showValue(translate, event, field, value)} />
          </Typography>
        </Fragment>
      ))}
    </Box>
  );
};
