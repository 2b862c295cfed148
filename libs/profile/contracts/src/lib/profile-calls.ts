import { z } from 'zod';
import { defineRemoteCall, exportUserDataCall } from '@tall/platform/call-contracts';

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
