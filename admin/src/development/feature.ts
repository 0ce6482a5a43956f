import DevelopmentIcon from '@mui/icons-material/HowToReg';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { createCase, developmentCommands } from './dataProvider';
import { messages } from './messages';

const DevelopmentCreate = lazyPage(() => import('./DevelopmentCreate'), 'DevelopmentCreate');
const DevelopmentList = lazyPage(() => import('./DevelopmentList'), 'DevelopmentList');
const DevelopmentShow = lazyPage(() => import('./DevelopmentShow'), 'DevelopmentShow');
const PipelineBoard = lazyPage(() => import('./PipelineBoard'), 'PipelineBoard');

/** Membership development (发展党员): the cases, their 25 steps and the pipeline board: src/development. */
export const development: AdminFeature = {
  name: 'development',
  resources: [
    {
      name: 'development',
      list: DevelopmentList,
      create: DevelopmentCreate,
      show: DevelopmentShow,
      icon: DevelopmentIcon,
      recordRepresentation: 'name',
      routes: [{ path: 'pipeline', page: PipelineBoard }],
      // The resource is the cases' collection; opening one waits for the read model (createCase).
      api: { path: 'development/cases', create: createCase },
    },
  ],
  menu: [{ resource: 'development', order: 40 }],
  commands: developmentCommands,
  messages,
};
