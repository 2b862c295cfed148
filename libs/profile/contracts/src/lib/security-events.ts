import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';
import { ProfileTopics } from './profile-topics';
import { UserIdSchema, UserRoleSchema } from './roles';

const SessionIdSchema = z.uuid();

export const LoginSucceeded = defineEvent({
  type: 'login.succeeded',
  version: 1,
  topic: ProfileTopics.userSecurity,
  description: 'A user signed in and a new session began.',
  schema: z.object({ userId: UserIdSchema, sessionId: SessionIdSchema, role: UserRoleSchema }),
});

export const LoginFailed = defineEvent({
  type: 'login.failed',
  version: 1,
  topic: ProfileTopics.userSecurity,
  description: 'A sign-in was refused. `userId` is null when no account has the email (the email itself is never published).',
  schema: z.object({
    userId: UserIdSchema.nullable(),
    reason: z.enum(['invalid_credentials', 'account_disabled', 'account_locked']),
  }),
});

export const AccountLocked = defineEvent({
  type: 'account.locked',
  version: 1,
  topic: ProfileTopics.userSecurity,
  description: 'Too many failed sign-ins: the account refuses sign-ins until `lockedUntil`.',
  schema: z.object({ userId: UserIdSchema, failures: z.int().min(1), lockedUntil: z.iso.datetime() }),
});

export const RefreshReused = defineEvent({
  type: 'refresh.reused',
  version: 1,
  topic: ProfileTopics.userSecurity,
  description: 'A spent refresh token was presented again (likely stolen): its whole session was revoked.',
  schema: z.object({ userId: UserIdSchema, sessionId: SessionIdSchema }),
});

export const SessionRevoked = defineEvent({
  type: 'session.revoked',
  version: 1,
  topic: ProfileTopics.userSecurity,
  description: 'A session ended before it expired; its refresh tokens no longer work.',
  schema: z.object({
    userId: UserIdSchema,
    sessionId: SessionIdSchema,
    reason: z.enum(['logout', 'logoutAll', 'revokedByUser', 'passwordChanged', 'refreshReused', 'accountDisabled', 'accountDeleted']),
  }),
});

export const SECURITY_EVENT_CONTRACTS = [LoginSucceeded, LoginFailed, AccountLocked, RefreshReused, SessionRevoked] as const;
