import type { DataProvider, HttpError, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';
import { restProvider } from '../dataProvider';

/** GET /api/development/pipeline: cases in progress per organisation, counted per stage 1–5. */
export interface PipelineRow {
  orgId: string;
  orgName: string | null;
  stages: Record<'1' | '2' | '3' | '4' | '5', number>;
  total: number;
}

/** The development feature's commands: the 25 steps, records, and the pipeline board's figures. */
export const developmentCommands = {
  /**
   * One of the 25 steps, at the catalogue's path: POST /api/development/cases/:id/<route>. The catalogue's
   * paths are absolute (`/api/development/cases/:id/talk`): fill in the case.
   */
  developmentStep: (id: Identifier, stepPath: string, data: Record<string, unknown>) =>
    postCommand(stepPath.replace(/^\/api/, '').replace(':id', encodeURIComponent(String(id))), data),
  /** A record for a done step: POST /api/development/cases/:id/records. */
  attachDevelopmentRecord: (id: Identifier, data: Record<string, unknown>) =>
    postCommand(commandPath('development/cases', id, 'records'), data),
  getDevelopmentPipeline: () => getJson<PipelineRow[]>('/development/pipeline'),
};

/** The data provider as this feature's screens see it. */
export type DevelopmentDataProvider = DataProvider & typeof developmentCommands;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opening a development case answers the case itself once the server's read models have it, which is
 * what react-admin then shows (it keeps a create's answer as the record). Read models follow the event
 * store, so under load the answer may be a bare receipt: then read the case until it is there (about 15
 * s), so the page opened next shows a case and not a 404. Called with the cases' API path.
 */
export const createCase: DataProvider['create'] = async (path, params) => {
  const created = await restProvider.create(path, params);
  if ('steps' in created.data) return created;
  for (let attempt = 0; attempt < 30; attempt++) {
    await pause(500);
    try {
      return await restProvider.getOne(path, { id: created.data.id });
    } catch (error) {
      if ((error as HttpError).status !== 404) throw error;
    }
  }
  return created;
};
