import { DomainError } from '../errors.js';
import type { CommandMetadata } from '../messages.js';
import { shanghaiDate } from './local-date.js';

/**
 * A date of something that happened (founded, elected, held from, removed, transferred…) is entered
 * after the fact: never later than today in Asia/Shanghai by the command's clock. The same rule and
 * wording as the development steps (`development.date-in-future`), under the feature's own code.
 */
export const notInFuture = (
  date: string | null | undefined,
  metadata: Pick<CommandMetadata, 'now'>,
  field: string,
  code: string,
): void => {
  if (date && date > shanghaiDate(metadata.now))
    throw new DomainError(code, { zh: '日期晚于今天', en: 'The date is in the future' }, field);
};
