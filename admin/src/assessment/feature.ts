import RulesIcon from '@mui/icons-material/Rule';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { assessmentCommands } from './dataProvider';
import { messages } from './messages';

const RuleSetsPage = lazyPage(() => import('./RuleSetsPage'), 'RuleSetsPage');
const Leaderboard = lazyPage(() => import('./Leaderboard'), 'Leaderboard');

/**
 * The annual target-responsibility assessment (src/assessment): each year's rules (JSON with the schema's
 * errors at their paths, versions, publishing) and the ranking with each unit's explanation.
 */
export const assessment: AdminFeature = {
  name: 'assessment',
  resources: [
    { name: 'assessment-rules', list: RuleSetsPage, icon: RulesIcon },
    { name: 'assessment-scores', list: Leaderboard, icon: LeaderboardIcon },
  ],
  menu: [
    { resource: 'assessment-scores', order: 65 },
    { resource: 'assessment-rules', order: 66 },
  ],
  commands: assessmentCommands,
  messages,
};
