import type { ActorRequest } from '../core/http/request-context.js';

/** The verification status an audit shows: the chain's verdict when the app checks it, "not checked" else. */
export interface VerificationStatus {
  checked: boolean;
  /** true: verified; false: the check found a fault; null: not checked. */
  ok: boolean | null;
  /** What the check answered (its summary), or why there is no verdict. */
  detail: string;
}

const NOT_CHECKED: VerificationStatus = { checked: false, ok: null, detail: 'not checked' };

/**
 * Asks GET /api/integrity of this same app, as the reader (their token), for the verification status of
 * the log. Tamper evidence is another feature's: asking over HTTP ties the audit to nothing but its
 * route, and an app without it (404) or a check that fails to answer in time is "not checked", never an
 * error of the export.
 */
export const verificationStatus = async (request: ActorRequest): Promise<VerificationStatus> => {
  const port = request.socket.localPort;
  if (!port) return NOT_CHECKED;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/integrity`, {
      headers: { authorization: request.headers.authorization ?? '' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return { ...NOT_CHECKED, detail: `not checked (${response.status})` };
    const body = (await response.json()) as Record<string, unknown>;
    const verdict = [body.ok, body.valid, body.verified].find((value) => typeof value === 'boolean') as
      boolean | undefined;
    return { checked: verdict !== undefined, ok: verdict ?? null, detail: JSON.stringify(body).slice(0, 500) };
  } catch {
    return NOT_CHECKED;
  }
};
