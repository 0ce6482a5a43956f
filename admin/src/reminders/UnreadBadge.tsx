import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { remindersApi } from './api';

/** The app bar's bell with the number of unread reminders, polled every minute; opens the inbox. */
export const UnreadBadge = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'reminder-inbox', action: 'list' });
  // A react-query query: react-admin's refresh (after marking read, snoozing) refetches it with the lists.
  const { data } = useQuery({
    queryKey: ['reminder-inbox', 'unread'],
    queryFn: remindersApi.unread,
    enabled: Boolean(identity && canAccess),
    refetchInterval: 60_000,
  });
  if (!identity || !canAccess) return null;
  return (
    <Tooltip title={translate('reminders.unreadBadge')}>
      <IconButton color="inherit" component={Link} to="/reminder-inbox" aria-label={translate('reminders.unreadBadge')}>
        <Badge badgeContent={data?.unread ?? 0} color="error" data-testid="unread-badge">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
