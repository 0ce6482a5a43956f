import EvidenceIcon from '@mui/icons-material/FolderCopy';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { evidenceCommands } from './dataProvider';
import { messages } from './messages';

const ArchiveBrowser = lazyPage(() => import('./ArchiveBrowser'), 'ArchiveBrowser');
const EvidenceShow = lazyPage(() => import('./EvidenceShow'), 'EvidenceShow');

/** Evidence (印证资料): the archive browser by organisation and year, uploads, downloads, the zip: src/evidence. */
export const evidence: AdminFeature = {
  name: 'evidence',
  resources: [
    { name: 'evidence', list: ArchiveBrowser, show: EvidenceShow, icon: EvidenceIcon, recordRepresentation: 'name' },
  ],
  menu: [{ resource: 'evidence', order: 45 }],
  commands: evidenceCommands,
  messages,
};
