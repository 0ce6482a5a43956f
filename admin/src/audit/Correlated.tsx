import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { eventLabel, type ActivityEvent } from './activityEvent';

/** What else the request did: the other events of the same correlation, in words, with their positions. */
export const Correlated = ({ event }: { event: ActivityEvent }) => {
  const translate = useTranslate();
  if (!event.correlated?.length)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('audit.no_correlated')}
      </Typography>
    );
  return (
    <Typography component="span" variant="body2" data-testid="correlated">
      {event.correlated
        .map((other) => `#${other.position} ${eventLabel(translate, other.type)}`)
        .join(translate('activity.next_item'))}
    </Typography>
  );
};
