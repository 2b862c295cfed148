/** Topics the profile context publishes (names from the school's specification). */
export const ProfileTopics = {
  /** Account lifecycle, roles and teacher↔student links: ids and roles only. */
  userEvents: 'user.events.v2',
  /** Sign-ins, lockouts and sessions, for auditing and alerting: ids only. */
  userSecurity: 'user.security.v1',
} as const;

export const PROFILE_MODULE = { name: 'profile', publishes: [ProfileTopics.userEvents, ProfileTopics.userSecurity] } as const;
