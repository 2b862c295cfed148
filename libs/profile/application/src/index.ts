export * from './lib/ports/profile-store.port';
export * from './lib/ports/credentials.port';
export * from './lib/ports/access-tokens.port';
export * from './lib/ports/profile-settings.port';
export * from './lib/ports/client-version-enforcement.port';
export { profileEvent } from './lib/profile-events';
export { profileCommandHandlers, profileQueryHandlers, profileServices } from './lib/profile-handlers';

export { RegisterCommand } from './lib/accounts/register/register.command';
export { CreateUserCommand } from './lib/accounts/create-user/create-user.command';
export { BootstrapAdminCommand, type BootstrapAdminRequest, type BootstrapOutcome } from './lib/accounts/bootstrap-admin/bootstrap-admin.command';
export { UpdateEmailIndexCommand, type EmailIndexOutcome } from './lib/accounts/update-email-index/update-email-index.command';
export { EraseOwnAccountCommand } from './lib/accounts/erase-own-account/erase-own-account.command';
export {
  BackfillPiiRolesCommand,
  PII_ROLES_BACKFILL_TASK,
  type PiiRolesBackfillOutcome,
} from './lib/accounts/backfill-pii-roles/backfill-pii-roles.command';
export { LoginCommand } from './lib/sign-in/login/login.command';
export { RefreshSessionCommand } from './lib/sign-in/refresh-session/refresh-session.command';
export { ChangePasswordCommand } from './lib/sign-in/change-password/change-password.command';
export { LogoutCommand } from './lib/sessions/logout/logout.command';
export { LogoutAllCommand } from './lib/sessions/logout-all/logout-all.command';
export { RevokeSessionCommand } from './lib/sessions/revoke-session/revoke-session.command';
export { ListSessionsQuery } from './lib/sessions/list-sessions/list-sessions.query';
export { GetSessionStatusQuery } from './lib/sessions/get-session-status/get-session-status.query';
export { GetCurrentUserQuery } from './lib/administration/get-current-user/get-current-user.query';
export { ListUsersQuery, type UserListFilter } from './lib/administration/list-users/list-users.query';
export { ChangeRoleCommand } from './lib/administration/change-role/change-role.command';
export { SetUserDisabledCommand } from './lib/administration/set-user-disabled/set-user-disabled.command';
export { DeleteUserCommand } from './lib/administration/delete-user/delete-user.command';
export type { ErasureOutcome } from './lib/administration/account-erasure';
export { LinkStudentCommand } from './lib/links/link-student/link-student.command';
export { UnlinkStudentCommand } from './lib/links/unlink-student/unlink-student.command';
export { ListStudentsQuery } from './lib/links/list-students/list-students.query';
export { GetClientVersionsQuery } from './lib/client-versions/get-client-versions/get-client-versions.query';
export { UpdateClientVersionsCommand } from './lib/client-versions/update-client-versions/update-client-versions.command';
export { ExportProfileDataQuery } from './lib/export/export-profile-data/export-profile-data.query';
