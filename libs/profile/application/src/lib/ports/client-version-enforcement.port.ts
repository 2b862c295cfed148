import type { ClientVersions } from '@tall/profile/contracts';

/**
 * The 426 check of this process. A change applies here at once; the other instances pick it up
 * when they next re-read the stored minimums.
 */
export interface ClientVersionEnforcement {
  enforce(versions: ClientVersions): void;
}

export const CLIENT_VERSION_ENFORCEMENT = Symbol('CLIENT_VERSION_ENFORCEMENT');
