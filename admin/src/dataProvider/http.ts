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
  message?: unknown;
  field?: string;
  errors?: Record<string, unknown>;
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
      : (serverText(body.message) ?? (statusText || translate('ra.notification.http_error')));
  const errors: Record<string, string> = {};
  for (const [field, text] of Object.entries(body.errors ?? {})) {
    errors[field === '_body' ? 'root.serverError' : field] = serverText(text) ?? message;
  }
  if (body.field && Object.keys(errors).length === 0) errors[body.field] = message;
  return new HttpError(message, status, { ...body, errors: Object.keys(errors).length ? errors : undefined });
};

/** fetch with the bearer token, JSON in and out; what ra-data-simple-rest expects of its httpClient. */
export const httpClient = async (url: string, options: RequestInit = {}): Promise<HttpResult> => {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (options.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
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
