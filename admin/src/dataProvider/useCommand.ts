import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, type DataProvider, type HttpError } from 'react-admin';
import type { CommandReceipt } from './command';

/**
 * Runs one command pessimistically: nothing changes on screen until the server has stored the
 * event, then the result is announced and the page's data refetched. Never undoable: writes are audited.
 * `Provider` is the data provider as the calling feature sees it (react-admin's methods and its commands).
 */
export const useCommand = <Provider extends DataProvider, Variables, Result = CommandReceipt>(
  send: (dataProvider: Provider, variables: Variables) => Promise<{ data: Result }>,
  options: {
    success: string | ((variables: Variables, result: Result) => [string, Record<string, unknown>?]);
    onSuccess?: (result: Result, variables: Variables) => void;
  },
) => {
  const dataProvider = useDataProvider<Provider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation<{ data: Result }, HttpError, Variables>({
    mutationFn: (variables) => send(dataProvider, variables),
    onSuccess: ({ data }, variables) => {
      const [message, messageArgs] =
        typeof options.success === 'string' ? [options.success] : options.success(variables, data);
      notify(message, { type: 'success', messageArgs });
      refresh();
      options.onSuccess?.(data, variables);
    },
    onError: (error) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
};
