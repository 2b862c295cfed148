import { domainErrorMapper } from '@tall/platform/http';
import { LobbyError } from '@tall/lobby/application';

export const LobbyErrorMapper = domainErrorMapper(LobbyError, {
  statuses: {
    PRODUCT_NOT_AVAILABLE: 403,
  },
});
