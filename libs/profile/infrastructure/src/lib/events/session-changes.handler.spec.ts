import { randomUUID } from 'node:crypto';
import { createEvent } from '@tall/platform/event-contracts';
import { SessionRevoked, UserDeleted, UserDisabled, UserEnabled, UserRoleChanged } from '@tall/profile/contracts';
import { handlesEvent } from '@tall/platform/events';
import { sessionChangeOf, sessionChangesHandler } from './session-changes.handler';

describe('the session-changes handler', () => {
  const userId = randomUUID();
  const sessionId = randomUUID();
  const meta = { key: userId, correlationId: randomUUID() };

  it('drops one session when it was revoked, whatever the reason', () => {
    const event = createEvent(SessionRevoked, { userId, sessionId, reason: 'passwordChanged' }, meta);
    expect(sessionChangeOf(event)).toEqual({ session: sessionId });
  });

  it("drops every session of an account whose role or status changed", () => {
    expect(sessionChangeOf(createEvent(UserRoleChanged, { userId, previousRole: 'STUDENT', role: 'TEACHER' }, meta))).toEqual({ user: userId });
    expect(sessionChangeOf(createEvent(UserDisabled, { userId, role: 'STUDENT' }, meta))).toEqual({ user: userId });
    expect(sessionChangeOf(createEvent(UserDeleted, { userId, role: 'STUDENT', deletedAt: new Date().toISOString() }, meta))).toEqual({ user: userId });
  });

  it('forgets everything for an event it cannot read', () => {
    const event = createEvent(SessionRevoked, { userId, sessionId, reason: 'logout' }, meta);
    expect(sessionChangeOf({ ...event, version: 2, payload: { session: sessionId } })).toEqual({ all: true });
  });

  it('subscribes to the events that change a session status, and no others', async () => {
    const published: unknown[] = [];
    const handler = sessionChangesHandler(async (change) => void published.push(change));
    const revoked = createEvent(SessionRevoked, { userId, sessionId, reason: 'logout' }, meta);
    expect(handlesEvent(handler, revoked)).toBe(true);
    expect(handlesEvent(handler, createEvent(UserEnabled, { userId, role: 'STUDENT' }, meta))).toBe(false);
    await handler.handle(revoked);
    expect(published).toEqual([{ session: sessionId }]);
  });
});
