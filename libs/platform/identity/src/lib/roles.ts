/** The four roles of Tall, as carried in access tokens. */
export const ROLES = ['TECH_ADMIN', 'EDU_ADMIN', 'TEACHER', 'STUDENT'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling: the subject of a verified access token. */
export interface Principal {
  userId: string;
  role: Role;
  /** The session (refresh-token family) the access token was issued for. */
  sessionId: string;
}
