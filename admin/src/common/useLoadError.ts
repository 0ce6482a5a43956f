import { useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * When a record cannot be read (403 out of scope, 404), say what the server said rather than
 * react-admin's generic "does not exist", then go back to the list. A 401 signs out before this runs.
 */
export const useLoadError = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return (error: Error & { status?: number }) => {
    if (error.status === 401) return; // signing out already
    notify(error.message || 'ra.notification.item_doesnt_exist', { type: 'error' });
    redirect('list', resource);
  };
};
