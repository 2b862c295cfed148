import { DomainError } from '@tall/platform/errors';

export type LobbyErrorCode = 'PRODUCT_NOT_AVAILABLE';

/** Why the lobby refuses a request; infrastructure's LobbyErrorMapper gives each code its status. */
export class LobbyError extends DomainError<LobbyErrorCode> {}
