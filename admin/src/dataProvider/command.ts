import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from './http';

/** What every command answers: the stream written, its new revision and the events appended. */
export interface CommandReceipt {
  id?: string;
  stream: string;
  revision: number;
  position: string;
  events: { type: string }[];
}

/** Sends one command: POST /api<path> with its body; the answer is the command's receipt. */
export const postCommand = async (path: string, body?: unknown): Promise<{ data: CommandReceipt }> => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { data: json as CommandReceipt };
};

/** A command on one record: `/<resource>/<id>/<command>`, the id escaped. */
export const commandPath = (resource: string, id: Identifier, command: string) =>
  `/${resource}/${encodeURIComponent(String(id))}/${command}`;

/** A read the API serves beside the resources (GET /api<path>), e.g. the dashboard. */
export const getJson = async <Result>(path: string): Promise<{ data: Result }> => ({
  data: (await httpClient(`${API_URL}${path}`)).json as Result,
});
