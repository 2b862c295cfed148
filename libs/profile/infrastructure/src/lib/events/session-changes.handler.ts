import { z } from 'zod';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { ProfileTopics, SessionRevoked, UserDeleted, UserDisabled, UserRoleChanged } from '@tall/profile/contracts';
import type { SessionChange } from '../session-check/session-invalidation-feed';

const SessionPayload = z.object({ sessionId: z.string().min(1) });
const UserPayload = z.object({ userId: z.string().min(1) });

/**
 * What a profile event means for cached session statuses. Read loosely, whatever the event's
 * version: one that cannot be read forgets every cached status, which is always safe.
 */
export function sessionChangeOf(envelope: EventEnvelope): SessionChange {
  const payload = envelope.type === SessionRevoked.type ? SessionPayload.safeParse(envelope.payload) : UserPayload.safeParse(envelope.payload);
  if (!payload.success) return { all: true };
  return 'sessionId' in payload.data ? { session: payload.data.sessionId } : { user: payload.data.userId };
}

/**
 * A session ended, or an account's role or status changed: the access-token check must ask
 * profile again. Without an inbox: dropping a cache entry twice does no harm.
 */
export function sessionChangesHandler(publish: (change: SessionChange) => Promise<void>): EventHandler {
  return {
    name: 'profile.onSessionStatusChanged',
    topics: [ProfileTopics.userSecurity, ProfileTopics.userEvents],
    types: [SessionRevoked.type, UserRoleChanged.type, UserDisabled.type, UserDeleted.type],
    handle: (envelope) => publish(sessionChangeOf(envelope)),
  };
}
