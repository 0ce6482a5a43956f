import { ROLES } from '../auth/access';

export const roleChoices = ROLES.map((id) => ({ id, name: `choices.role.${id}` }));
export const statusChoices = ['active', 'disabled'].map((id) => ({ id, name: `choices.status.${id}` }));

/** Organisation ids typed as text, one per line or separated by commas (no party-orgs screen yet). */
export const splitIds = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : String(value ?? '')
        .split(/[\s,，、;；]+/)
        .filter(Boolean);

/** The scope a role takes: secretaries their organisations, instructors their units, others none. */
export const scopeFor = (data: Record<string, unknown>) => ({
  role: String(data.role),
  ...(data.role === 'secretary' ? { orgIds: splitIds(data.orgIds) } : {}),
  ...(data.role === 'instructor' ? { unitIds: splitIds(data.unitIds) } : {}),
});
