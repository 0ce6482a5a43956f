import type { AuthProvider } from 'react-admin';
import { can, type Action } from './access';
import { serverText, translate } from '../i18n/i18nProvider';
import { clearSession, isExpired, readSession, rolesOf, saveSession, type Session } from './session';

const ACTIONS: readonly string[] = ['list', 'show', 'create', 'edit', 'delete', 'export', 'approve'] satisfies Action[];

const readJson = async (response: Response): Promise<Record<string, unknown> | undefined> => {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/**
 * Token and user kept in localStorage; what the menus and pages offer comes from the same role
 * matrix the server's guard uses, as the server sent it at sign-in (admin/src/auth/access.ts).
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await readJson(response);
    if (!response.ok)
      throw new Error(serverText(body?.messages ?? body?.message) ?? translate('ra.auth.sign_in_error'));
    saveSession(body as unknown as Session);
  },

  async logout() {
    const session = readSession();
    clearSession();
    if (!session) return;
    // Revoke the token on the server; signing out locally must not wait on, or fail with, the network.
    await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${session.token}` } }).catch(
      () => undefined,
    );
  },

  async checkAuth() {
    const session = readSession();
    if (!session) throw { message: false };
    if (isExpired(session)) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },

  /** 401: the token is gone or expired, sign out. 403: not allowed, say so and stay signed in. */
  async checkError(error: { status?: number; message?: string }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error(error.message || 'ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.user.id, fullName: session.user.displayName || session.user.username };
  },

  async getPermissions() {
    return rolesOf(readSession());
  },

  async canAccess({ resource, action }) {
    return ACTIONS.includes(action) && can(resource, action as Action);
  },
};
