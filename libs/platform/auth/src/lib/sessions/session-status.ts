/** What the session check needs to know about one session, as the context that owns sessions says now. */
export interface SessionStatus {
  userId: string;
  /** The account's current role: a token carrying another one is refused, so the client refreshes. */
  role: string;
  /** False once the session ended (signed out, revoked, expired) or the account is disabled or erased. */
  active: boolean;
}

/**
 * Where the session check asks about a session it has not cached (the profile context). Rejects
 * when the owner cannot be asked: the request then answers 503, never lets the token through.
 */
export interface SessionStatusSource {
  /** The session's status, or null when there is no such session. */
  statusOf(sessionId: string): Promise<SessionStatus | null>;
}

/** Injection token of the `SessionStatusSource`; provided by a global module of the owning context. */
export const SESSION_STATUS_SOURCE = Symbol('SESSION_STATUS_SOURCE');
