/**
 * The auth feature's read door: what other features may ask of it. For now the role matrix: the roles, the
 * scoped ones, and whether roles may take an action (development offers a case's next steps by it).
 */
export { can, ROLES, SCOPED_ROLES, type Action, type Role } from './permissions.js';
