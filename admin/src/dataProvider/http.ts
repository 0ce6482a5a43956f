import { HttpError } from 'react-admin';
import { readSession } from '../auth/session';
import { serverText, translate } from '../i18n/i18nProvider';

export const API_URL = '/api';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

/** The API's one error shape (src/core/http/error-filter.ts). */
interface ErrorBody {
  statusCode?: number;
  code?: string;
  /** A string in the request's language; `messages` holds the zh/en pair. */
  message?: unknown;
  messages?: unknown;
  field?: string;
  /** Strings per field; `fieldMessages` holds their zh/en pairs. */
  errors?: Record<string, unknown>;
  fieldMessages?: Record<string, unknown>;
}

/**
 * Turns an error answer into react-admin's HttpError: the message in the user's language, and
 * `body.errors` as `{ field: text }` so forms show each message beside its input.
 */
export const toHttpError = (status: number, json: unknown, statusText: string): HttpError => {
  const body = (json && typeof json === 'object' ? json : {}) as ErrorBody;
  const message =
    body.code === 'concurrency.conflict'
      ? translate('commands.conflict')
      : (serverText(body.messages ?? body.message) ?? (statusText || translate('ra.notification.http_error')));
  const errors: Record<string, string> = {};
  for (const [field, text] of Object.entries(body.fieldMessages ?? body.errors ?? {})) {
    errors[field === '_body' ? 'root.serverError' : field] = serverText(text) ?? message;
  }
  if (body.field && Object.keys(errors).length === 0) errors[body.field] = message;
  return new HttpError(message, status, { ...body, errors: Object.keys(errors).length ? errors : undefined });
};

/** fetch with the bearer token, JSON in and out; what ra-data-simple-rest expects of its httpClient. */
export const httpClient = async (url: string, options: RequestInit = {}): Promise<HttpResult> => {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  // A FormData body (file upload) sets its own multipart Content-Type with the boundary.
  if (options.body !== undefined && !(options.body instanceof FormData) && !headers.has('Content-Type'))
    headers.set('Content-Type', 'application/json');
  const token = readSession()?.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(url, { ...options, headers });
  const body = await response.text();
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw toHttpError(response.status, json, response.statusText);
  return { status: response.status, headers: response.headers, body, json };
};

/** The file name the server gives in Content-Disposition (`filename*=UTF-8''…` or `filename="…"`). */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain ? plain[1] : fallback;
};

/**
 * Downloads a file the API makes (exports): a plain link cannot carry the bearer token, so fetch
 * it with the token and hand the browser the blob under the server's file name.
 */
export const downloadFromApi = async (path: string, fallbackName: string): Promise<string> => {
  const token = readSession()?.token;
  const response = await fetch(`${API_URL}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const json = await response.json().catch(() => undefined);
    throw toHttpError(response.status, json, response.statusText);
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};
