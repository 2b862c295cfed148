import { z } from 'zod';
import { defineRemoteCall, exportUserDataCall } from '@tall/platform/call-contracts';
import { UserIdSchema } from './roles';

/**
 * Re-authentication for sensitive actions of other contexts (pii's erase of one's own data):
 * is this the user's current password? Failures count towards the account's sign-in lockout;
 * while it is locked the answer is `valid: false` with `retryAfterSeconds`.
 */
export const VerifyPassword = defineRemoteCall({
  name: 'profile.verifyPassword',
  module: 'profile',
  description: "Checks a user's password (re-authentication); failures count towards the sign-in lockout.",
  input: z.strictObject({ userId: UserIdSchema, password: z.string().min(1).max(1024) }),
  output: z.strictObject({ valid: z.boolean(), retryAfterSeconds: z.int().min(1).optional() }),
});

/**
 * Erases an account: marks it deleted (it can never sign in again, its email index is
 * cleared), revokes every session, removes its teacher↔student links and publishes
 * `user.deleted`, on which every context removes or anonymises the user's data.
 * Unknown user: 404 USER_NOT_FOUND.
 */
export const DeleteAccount = defineRemoteCall({
  name: 'profile.deleteAccount',
  module: 'profile',
  description: 'Erases an account and publishes user.deleted; idempotent (`alreadyDeleted`).',
  input: z.strictObject({ userId: UserIdSchema, actorId: z.string().min(1).max(128).nullable() }),
  output: z.strictObject({ outcome: z.enum(['deleted', 'alreadyDeleted']), deletedAt: z.iso.datetime() }),
});

/** The minimum client version per platform, for processes that do not host profile (the 426 check). */
export const GetClientVersions = defineRemoteCall({
  name: 'profile.getClientVersions',
  module: 'profile',
  description: 'Minimum supported client version per platform.',
  input: z.strictObject({}),
  output: z.strictObject({ web: z.string(), android: z.string(), desktop: z.string() }),
});

/** What profile holds about a user, for the GDPR export. */
export const ExportProfileData = exportUserDataCall('profile');
