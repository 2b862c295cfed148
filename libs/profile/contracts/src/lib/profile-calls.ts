import { z } from 'zod';
import { defineRemoteCall, exportUserDataCall } from '@tall/platform/call-contracts';
import { UserIdSchema, UserRoleSchema } from './roles';

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

/** One session as the access-token check needs it: whose it is, the account's current role, whether it still runs. */
export const SessionStatusSchema = z.strictObject({
  userId: UserIdSchema,
  role: UserRoleSchema,
  /** False once the session ended or expired, or the account is disabled or erased. */
  active: z.boolean(),
});
export type SessionStatusView = z.infer<typeof SessionStatusSchema>;

/** For processes that do not host profile: checks an access token's session (revocation, role changes). */
export const GetSessionStatus = defineRemoteCall({
  name: 'profile.getSessionStatus',
  module: 'profile',
  description: "One session's status for the access-token check: its account, the account's current role, and whether it still runs (null: no such session).",
  input: z.strictObject({ sessionId: z.uuid() }),
  output: z.strictObject({ session: SessionStatusSchema.nullable() }),
});
