import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import { Badge } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { NoticesDataProvider } from './dataProvider';

/** The menu's icon of 待阅通报 with the unread badge: how many notices the secretary's units have not acknowledged. */
export const InboxIcon = () => {
  const dataProvider = useDataProvider<NoticesDataProvider>();
  const { canAccess = false } = useCanAccess({ resource: 'notice-inbox', action: 'list' });
  const { data } = useQuery({
    queryKey: ['notice-inbox', 'unread'],
    queryFn: () => dataProvider.getNoticeUnread().then(({ data }) => data.unread),
    enabled: canAccess,
    refetchInterval: 60_000,
  });
  return (
    // A dot, not a number: the menu line's text stays its label; the count is in its title and on the page.
    <Badge
      variant="dot"
      color="error"
      invisible={!data}
      title={data ? `${data}` : undefined}
      data-testid="notice-unread-badge"
      data-unread={data ?? 0}
    >
      <MarkEmailUnreadIcon />
    </Badge>
  );
};
