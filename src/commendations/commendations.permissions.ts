import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/**
 * 两优一先 cycles: the bureau opens, publicises and decides; branches' secretaries nominate (their own
 * organisations' members and the organisations themselves) and follow their nominations on the board.
 */
export const COMMENDATIONS_PERMISSIONS: Permissions = {
  'commendation-cycles': {
    list: [...READERS, 'secretary'],
    show: [...READERS, 'secretary'],
    create: BUREAU,
    edit: [...BUREAU, 'secretary'],
    approve: BUREAU,
  },
};
