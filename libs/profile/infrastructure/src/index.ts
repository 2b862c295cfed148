export { ProfileModule } from './lib/profile.module';
export { ClientVersionsFollowerModule } from './lib/client-versions/client-versions-follower.module';
export { ProfileSessionStatusModule } from './lib/session-check/profile-session-status.module';
export { PROFILE_DATA_SOURCE, type ProfileModuleOptions } from './lib/profile-tokens';
export { PROFILE_HOUSEKEEPING_JOB } from './lib/profile-lifecycle';
export { ARGON2_PARAMETERS } from './lib/credentials/argon2-password-hasher';
export { PROFILE_MODULE } from '@tall/profile/contracts';
