import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { eventLabel, type ActivityEvent } from '../audit/activityEvent';
import { Actor, Subject, Units } from '../audit/EventParts';
import { formatDateTime } from '../i18n/dates';

/** The latest events, said as the log says them: who did what about whom, in which unit, when. */
export const RecentActivity = ({ events }: { events: ActivityEvent[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess: canOpen = false } = useCanAccess({ resource: 'activity', action: 'show' });
  return (
    <Card>
      <CardContent>
        <Typography variant="subtitle1">{translate('dashboard.recent')}</Typography>
        {events.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('dashboard.no_recent')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {events.map((event) => (
              <ListItem key={event.id} disableGutters data-testid="recent-activity">
                <ListItemText
                  primary={
                    <>
                      {canOpen ? (
                        <Link to={createPath({ resource: 'activity', type: 'show', id: event.id })}>
                          {eventLabel(translate, event.type)}
                        </Link>
                      ) : (
                        eventLabel(translate, event.type)
                      )}
                      {' · '}
                      <Subject event={event} />
                      {' · '}
                      <Actor event={event} inline />
                    </>
                  }
                  secondary={
                    <>
                      {translate('activity.occurred_on', { on: formatDateTime(event.occurredAt).slice(0, 10) })}
                      {' · '}
                      {translate('activity.recorded_at', { at: formatDateTime(event.recordedAt) })}
                      {event.unitIds.length > 0 && ' · '}
                      {event.unitIds.length > 0 && <Units event={event} />}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        {canOpen && events.length > 0 && (
          <Link to={createPath({ resource: 'activity', type: 'list' })}>{translate('dashboard.all_activity')}</Link>
        )}
      </CardContent>
    </Card>
  );
};
