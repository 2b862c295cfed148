import { AccountCreation } from './accounts/account-creation';
import { BackfillPiiRolesHandler } from './accounts/backfill-pii-roles/backfill-pii-roles.handler';
import { BootstrapAdminHandler } from './accounts/bootstrap-admin/bootstrap-admin.handler';
import { EraseOwnAccountHandler } from './accounts/erase-own-account/erase-own-account.handler';
import { CreateUserHandler } from './accounts/create-user/create-user.handler';
import { RegisterHandler } from './accounts/register/register.handler';
import { UpdateEmailIndexHandler } from './accounts/update-email-index/update-email-index.handler';
import { AccountErasure } from './administration/account-erasure';
import { ChangeRoleHandler } from './administration/change-role/change-role.handler';
import { DeleteUserHandler } from './administration/delete-user/delete-user.handler';
import { GetCurrentUserHandler } from './administration/get-current-user/get-current-user.handler';
import { ListUsersHandler } from './administration/list-users/list-users.handler';
import { SetUserDisabledHandler } from './administration/set-user-disabled/set-user-disabled.handler';
import { GetClientVersionsHandler } from './client-versions/get-client-versions/get-client-versions.handler';
import { UpdateClientVersionsHandler } from './client-versions/update-client-versions/update-client-versions.handler';
import { ExportProfileDataHandler } from './export/export-profile-data/export-profile-data.handler';
import { LinkStudentHandler } from './links/link-student/link-student.handler';
import { ListStudentsHandler } from './links/list-students/list-students.handler';
import { UnlinkStudentHandler } from './links/unlink-student/unlink-student.handler';
import { GetSessionStatusHandler } from './sessions/get-session-status/get-session-status.handler';
import { ListSessionsHandler } from './sessions/list-sessions/list-sessions.handler';
import { LogoutAllHandler } from './sessions/logout-all/logout-all.handler';
import { LogoutHandler } from './sessions/logout/logout.handler';
import { RevokeSessionHandler } from './sessions/revoke-session/revoke-session.handler';
import { ChangePasswordHandler } from './sign-in/change-password/change-password.handler';
import { CredentialCheck } from './sign-in/credential-check';
import { LoginHandler } from './sign-in/login/login.handler';
import { RefreshSessionHandler } from './sign-in/refresh-session/refresh-session.handler';
import { SessionIssuer } from './sign-in/session-issuer';

export const profileCommandHandlers = [
  RegisterHandler,
  CreateUserHandler,
  BootstrapAdminHandler,
  UpdateEmailIndexHandler,
  EraseOwnAccountHandler,
  BackfillPiiRolesHandler,
  LoginHandler,
  RefreshSessionHandler,
  ChangePasswordHandler,
  LogoutHandler,
  LogoutAllHandler,
  RevokeSessionHandler,
  ChangeRoleHandler,
  SetUserDisabledHandler,
  DeleteUserHandler,
  LinkStudentHandler,
  UnlinkStudentHandler,
  UpdateClientVersionsHandler,
];

export const profileQueryHandlers = [
  ListSessionsHandler,
  GetSessionStatusHandler,
  GetCurrentUserHandler,
  ListUsersHandler,
  ListStudentsHandler,
  GetClientVersionsHandler,
  ExportProfileDataHandler,
];

/** The collaborators several handlers share. */
export const profileServices = [AccountCreation, SessionIssuer, CredentialCheck, AccountErasure];
