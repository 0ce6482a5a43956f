import { Card, CardContent, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { eventLabel } from '../activity/eventLabel';
import type { DashboardData } from '../dataProvider';
import { formatDateTime } from '../i18n/dates';

export const RecentActivity = ({ events }: { events: DashboardData['recent'] }) => {
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
              <ListItemButton
                key={event.id}
                disabled={!canOpen}
                component={Link}
                to={createPath({ resource: 'activity', type: 'show', id: event.id })}
              >
                <ListItemText
                  primary={`${eventLabel(translate, event.type)} · ${event.actorId}`}
                  secondary={`${formatDateTime(event.occurredAt)} · ${event.stream}`}
                />
              </ListItemButton>
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
