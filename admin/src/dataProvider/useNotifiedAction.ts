import { useNotify } from 'react-admin';

/**
 * For a write a page sends itself (not through react-admin's forms or useCommand): runs it, announces
 * `success` when it is done, or the server's message (in the user's language) when it was refused.
 * Resolves whether it succeeded, so the caller can close or reset what it showed.
 */
export const useNotifiedAction = () => {
  const notify = useNotify();
  return async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    try {
      await action();
      notify(success, { type: 'success' });
      return true;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return false;
    }
  };
};
