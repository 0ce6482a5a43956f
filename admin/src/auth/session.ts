/** The signed-in user as the server describes them (`GET /api/auth/me`). */
export interface RoleGrant {
  role: string;
  orgIds: string[];
  unitIds: string[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  status: 'active' | 'disabled';
}

export interface Session {
  token: string;
  expiresAt: string;
  user: Me;
  /** What the user may do (resource → actions), from the server's role matrix at sign-in. */
  permissions: Record<string, string[]>;
}

const KEY = 'party-ledger.session';

export const readSession = (): Session | null => {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    // A session saved before the server sent permissions is treated as none: sign in again.
    return session?.token && session.user && session.permissions ? session : null;
  } catch {
    return null;
  }
};

export const saveSession = (session: Session): void => localStorage.setItem(KEY, JSON.stringify(session));

export const clearSession = (): void => localStorage.removeItem(KEY);

export const isExpired = (session: Session, now = Date.now()): boolean => {
  const expires = Date.parse(session.expiresAt);
  return Number.isFinite(expires) && expires <= now;
};

export const rolesOf = (session: Session | null): string[] => session?.user.roles.map((grant) => grant.role) ?? [];
