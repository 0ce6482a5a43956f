/**
 * The role matrix the server's guard enforces, as the admin reads it: the one place the admin imports it
 * from, so that when the matrix moves (per-feature permission files merged by the server) only this line
 * changes. Menus, pages, links and role labels all ask through here.
 */
export { can, ROLE_LABELS, ROLES, type Action, type Role } from '../../../src/auth/permissions.js';
