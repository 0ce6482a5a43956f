/**
 * Roles and the shape of the role matrix: the kernel's part of "who may do what". Each feature declares
 * its own resources in `<feature>.permissions.ts` (resource → action → roles, importing only this file);
 * the app merges them from the list of features (src/features.ts) into the one matrix the server's
 * guard checks. Plain data with no imports: the admin bundles this file as it is.
 *
 * Reads by scoped roles (secretary, instructor) are further narrowed to their organisations or units by
 * the queries themselves; the matrix only says whether the role may use the resource.
 */
export const ROLES = ['bureau_admin', 'bureau_staff', 'secretary', 'instructor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  bureau_admin: { zh: '教育局党委管理员', en: 'Bureau administrator' },
  bureau_staff: { zh: '局党委办工作人员', en: 'Bureau staff' },
  secretary: { zh: '党组织书记', en: 'Branch secretary' },
  instructor: { zh: '党建工作指导员', en: 'Party-building instructor' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

/** Roles whose reads are limited to their own organisations or units. */
export const SCOPED_ROLES: readonly Role[] = ['secretary', 'instructor'];

/** `approve`: a decision only a committee with approval authority takes (development steps 13, 16–18, 24). */
export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'approve';

/** resource → action → roles allowed. A resource or action missing is allowed to nobody. */
export type Permissions = Record<string, Partial<Record<Action, readonly Role[]>>>;

/** Every role, the bureau's two, and those who read everything: the groups features' matrices use. */
export const EVERYONE: readonly Role[] = ROLES;
export const BUREAU: readonly Role[] = ['bureau_admin', 'bureau_staff'];
export const READERS: readonly Role[] = [...BUREAU, 'auditor'];

/**
 * The kernel's own resources: the open obligations of every feature (GET /api/obligations), which each
 * role reads within its scope, and the log's tamper evidence (GET /api/integrity…).
 */
export const KERNEL_PERMISSIONS: Permissions = {
  obligations: { list: EVERYONE },
  // Tamper evidence of the event log (src/core/integrity): the bureau administrator and auditors.
  integrity: { show: ['bureau_admin', 'auditor'], export: ['bureau_admin', 'auditor'] },
};

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** May a user holding `roles` perform `action` on `resource` under `matrix`? */
export const can = (matrix: Permissions, roles: readonly string[], resource: string, action: Action): boolean => {
  const allowed = (Object.hasOwn(matrix, resource) ? matrix[resource][action] : undefined) ?? [];
  return roles.some((role) => (allowed as readonly string[]).includes(role));
};

/**
 * What `roles` may do under `matrix`, resource by resource (only the actions allowed): what the admin is
 * told at sign-in, so its menus and buttons offer exactly what the guard allows.
 */
export const allowedFor = (matrix: Permissions, roles: readonly string[]): Record<string, Action[]> =>
  Object.fromEntries(
    Object.entries(matrix)
      .map(([resource, actions]) => [
        resource,
        (Object.keys(actions) as Action[]).filter((action) => can(matrix, roles, resource, action)),
      ])
      .filter(([, actions]) => actions.length > 0),
  );

/**
 * One matrix from several (the kernel's and each feature's). A resource declared twice is a mistake
 * the app refuses to start with: `duplicate` gets the resource and the two owners, and throws.
 */
export const mergePermissions = (
  parts: readonly { owner: string; permissions?: Permissions }[],
  duplicate: (resource: string, first: string, second: string) => never,
): Permissions => {
  const merged: Permissions = {};
  const owners = new Map<string, string>();
  for (const { owner, permissions } of parts)
    for (const [resource, actions] of Object.entries(permissions ?? {})) {
      const first = owners.get(resource);
      if (first !== undefined) duplicate(resource, first, owner);
      owners.set(resource, owner);
      merged[resource] = actions;
    }
  return merged;
};

/** The merged matrix as a provider (the kernel's and every feature's): what the server's guard checks. */
export const ROLE_MATRIX = Symbol('ROLE_MATRIX');
