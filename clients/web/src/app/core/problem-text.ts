import type { ApiProblem } from '@tall/client/api';

/** The translation key and parameters that explain an API refusal to a person. */
export function problemText(problem: ApiProblem): { key: string; params: Record<string, unknown> } {
  switch (problem.code) {
    case 'NETWORK_ERROR':
      return { key: 'errors.network', params: {} };
    case 'INVALID_CREDENTIALS':
      return { key: 'errors.invalidCredentials', params: {} };
    case 'ACCOUNT_LOCKED':
      return { key: 'errors.accountLocked', params: { minutes: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60)) } };
    case 'RATE_LIMITED':
      return { key: 'errors.rateLimited', params: { seconds: problem.retryAfterSeconds ?? 60 } };
    case 'CLIENT_UPGRADE_REQUIRED':
      return { key: 'errors.upgradeRequired', params: {} };
    case 'EMAIL_TAKEN':
      return { key: 'errors.emailTaken', params: {} };
    case 'PASSWORD_TOO_COMMON':
      return { key: 'errors.passwordTooCommon', params: {} };
    case 'PASSWORD_TOO_SHORT':
      return { key: 'errors.passwordTooShort', params: {} };
    case 'ACCOUNT_DISABLED':
      return { key: 'errors.accountDisabled', params: {} };
    case 'REGISTRATION_CLOSED':
      return { key: 'errors.registrationClosed', params: {} };
    case 'REAUTHENTICATION_FAILED':
      return { key: 'errors.wrongPassword', params: {} };
    case 'CURRENT_PASSWORD_INCORRECT':
      return { key: 'errors.currentPasswordIncorrect', params: {} };
    case 'VALIDATION_FAILED':
      return { key: 'errors.validation', params: { fields: Object.keys(problem.fieldErrors()).join(', ') } };
    case 'FORBIDDEN':
      return { key: 'errors.forbidden', params: {} };
    case 'SERVICE_UNAVAILABLE':
      return { key: 'errors.unavailable', params: {} };
    default:
      return problem.status >= 500 ? { key: 'errors.server', params: {} } : { key: 'errors.other', params: { message: problem.message } };
  }
}
