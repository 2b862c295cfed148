export { ROLES, isRole, type Role, type Principal } from './lib/roles';
