/**
 * Who may do what: one matrix for the server's guard and the admin's `canAccess`, so a menu never
 * offers what the API refuses. Plain data with no imports: the admin bundles this file as it is.
 *
 * Reads by scoped roles (secretary, instructor) are further narrowed to their organisations or
 * units by the queries themselves; the matrix only says whether the role may use the resource.
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

const everyone: readonly Role[] = ROLES;
const bureau: readonly Role[] = ['bureau_admin', 'bureau_staff'];
const readers: readonly Role[] = [...bureau, 'auditor'];

/** resource → action → roles allowed. A resource or action missing here is allowed to nobody. */
export const PERMISSIONS: Record<string, Partial<Record<Action, readonly Role[]>>> = {
  /** One's own account: who am I, sign out, change my password. */
  account: { show: everyone, edit: everyone },
  dashboard: { show: everyone },
  units: { list: everyone, show: everyone, export: everyone, create: bureau, edit: bureau },
  'party-organizations': { list: everyone, show: everyone, export: everyone, create: bureau, edit: bureau },
  /** Secretaries keep their own organisation's roster; the handlers check the organisation. */
  members: {
    list: everyone,
    show: everyone,
    export: everyone,
    create: [...bureau, 'secretary'],
    edit: [...bureau, 'secretary'],
  },
  positions: {
    list: everyone,
    show: everyone,
    export: everyone,
    create: [...bureau, 'secretary'],
    edit: [...bureau, 'secretary'],
  },
  /** Membership development cases; secretaries act on their own organisations' cases (checked by the routes). */
  development: {
    list: everyone,
    show: everyone,
    create: [...bureau, 'secretary'],
    edit: [...bureau, 'secretary'],
    /**
     * The higher committee's steps (13 pre-review, 16 interview, 17 approval, 18 filing, 24 conversion
     * approval): only a basic-level Party committee with approval authority takes them (domain.md §4.1).
     * The bureau's roles may; a secretary only for the cases under a committee with approval authority
     * among their own organisations (checked by the routes, StepSender), never a branch's or a general
     * branch's secretary.
     */
    approve: [...bureau, 'secretary'],
  },
  users: {
    list: ['bureau_admin', 'auditor'],
    show: ['bureau_admin', 'auditor'],
    create: ['bureau_admin'],
    edit: ['bureau_admin'],
  },
  activity: { list: readers, show: readers },
};

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** May a user holding `roles` perform `action` on `resource`? */
export const can = (roles: readonly string[], resource: string, action: Action): boolean => {
  const allowed = PERMISSIONS[resource]?.[action] ?? [];
  return roles.some((role) => (allowed as readonly string[]).includes(role));
};
