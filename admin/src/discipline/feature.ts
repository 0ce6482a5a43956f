import CasesIcon from '@mui/icons-material/Gavel';
import EligibilityIcon from '@mui/icons-material/HowToReg';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { disciplineCommands } from './dataProvider';
import { messages } from './messages';

const CaseList = lazyPage(() => import('./CaseList'), 'CaseList');
const CaseShow = lazyPage(() => import('./CaseShow'), 'CaseShow');
const CaseCreate = lazyPage(() => import('./CaseCreate'), 'CaseCreate');
const EligibilityPage = lazyPage(() => import('./EligibilityPage'), 'EligibilityPage');

/** Discipline: case pages (bureau, auditors) and the eligibility look-up (secretaries too): src/discipline. */
export const discipline: AdminFeature = {
  name: 'discipline',
  resources: [
    {
      name: 'discipline-cases',
      list: CaseList,
      show: CaseShow,
      create: CaseCreate,
      icon: CasesIcon,
      recordRepresentation: 'name',
      api: { path: 'discipline/cases' },
    },
    { name: 'discipline-eligibility', list: EligibilityPage, icon: EligibilityIcon },
  ],
  menu: [
    { resource: 'discipline-cases', order: 60 },
    { resource: 'discipline-eligibility', order: 61 },
  ],
  commands: disciplineCommands,
  messages,
};
