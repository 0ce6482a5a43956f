import type { DataProvider } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';
import { API_URL, downloadFromApi, toHttpError } from '../dataProvider/http';
import { readSession } from '../auth/session';

interface Bilingual {
  zh: string;
  en: string;
}

export interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  title: string | null;
  on: string;
  category: string;
  half: 'H1' | 'H2' | null;
  status: 'filed' | 'withdrawn';
  withdrawn: { reason: string } | null;
}

export interface Archive {
  org: { id: string; name: string; kind: string };
  year: number;
  profile: string;
  profileLabel: Bilingual;
  ready: boolean;
  missing: { category: string; label: Bilingual }[];
  entries: {
    category: string;
    label: Bilingual;
    half: 'H1' | 'H2' | null;
    required: boolean;
    present: boolean;
    files: EvidenceFile[];
  }[];
  withdrawn: EvidenceFile[];
}

export interface EvidenceCategories {
  categories: { key: string; label: Bilingual; norm: boolean }[];
  allowedTypes: Bilingual;
  maxFileBytes: number;
}

/**
 * Sends the form (the file and its fields) with XMLHttpRequest, whose upload reports progress (fetch
 * does not), calling `onProgress` with 0–100; resolves with the filed evidence, or rejects with the
 * API's error as react-admin's HttpError (its message in the user's language).
 */
export const uploadEvidence = (form: FormData, onProgress: (percent: number) => void): Promise<EvidenceFile> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_URL}/evidence`);
    const token = readSession()?.token;
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(json as EvidenceFile);
      else reject(toHttpError(request.status, json, request.statusText));
    };
    request.onerror = () => reject(toHttpError(0, undefined, 'Network error'));
    request.send(form);
  });

/** The evidence feature's reads and downloads, for the archive browser. */
export const evidenceCommands = {
  getEvidenceCategories: () => getJson<EvidenceCategories>('/evidence/categories'),
  getEvidenceOrgs: () => getJson<{ id: string; name: string; kind: string; files: number }[]>('/evidence/orgs'),
  getEvidenceArchive: (orgId: string, year: number) =>
    getJson<Archive>(`/evidence/archive/${encodeURIComponent(orgId)}/${year}`),
  downloadEvidence: (id: string, name: string) => downloadFromApi(`/evidence/${encodeURIComponent(id)}/download`, name),
  downloadEvidenceZip: (orgId: string, year: number) =>
    downloadFromApi(`/evidence/archive/${encodeURIComponent(orgId)}/${year}/zip`, `${year}.zip`),
  /** POST /api/evidence/:id/withdraw with the reason (the file stays for audit). */
  withdrawEvidence: (id: string, reason: string) => postCommand(commandPath('evidence', id, 'withdraw'), { reason }),
};

/** The data provider as the archive browser sees it. */
export type EvidenceDataProvider = DataProvider & typeof evidenceCommands;
