export * from './lib/profile-topics';
export * from './lib/roles';
export * from './lib/administration';
export * from './lib/user-events';
export * from './lib/security-events';
export * from './lib/profile-calls';
export * from './lib/http/auth-http';
export * from './lib/http/users-http';

import { SECURITY_EVENT_CONTRACTS } from './lib/security-events';
import { USER_EVENT_CONTRACTS } from './lib/user-events';

/** Every event the profile context publishes. */
export const PROFILE_EVENT_CONTRACTS = [...USER_EVENT_CONTRACTS, ...SECURITY_EVENT_CONTRACTS] as const;
