import PairingIcon from '@mui/icons-material/Handshake';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { pairingCommands } from './dataProvider';
import { messages } from './messages';

const PairingList = lazyPage(() => import('./PairingList'), 'PairingList');
const PairingShow = lazyPage(() => import('./PairingShow'), 'PairingShow');
const PairingCreate = lazyPage(() => import('./PairingCreate'), 'PairingCreate');

/** Pairing communities (帮扶共同体): the list, a pairing's page with its progress and log: src/pairing. */
export const pairing: AdminFeature = {
  name: 'pairing',
  resources: [
    {
      name: 'pairings',
      list: PairingList,
      show: PairingShow,
      create: PairingCreate,
      icon: PairingIcon,
      recordRepresentation: 'name',
    },
  ],
  menu: [{ resource: 'pairings', order: 45 }],
  commands: pairingCommands,
  messages,
};
