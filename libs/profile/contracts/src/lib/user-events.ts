import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';
import { ProfileTopics } from './profile-topics';
import { UserIdSchema, UserRoleSchema } from './roles';

// Ids and roles only: names and email belong to the pii context and never travel on a topic.

export const UserCreated = defineEvent({
  type: 'user.created',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'An account was created (self-registration, by an admin, or the first TECH_ADMIN at start).',
  schema: z.object({
    userId: UserIdSchema,
    role: UserRoleSchema,
    origin: z.enum(['registration', 'admin', 'bootstrap']),
    createdAt: z.iso.datetime(),
  }),
});

export const UserUpdated = defineEvent({
  type: 'user.updated',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'Something about an account changed other than its role or status; names what, never the values.',
  schema: z.object({
    userId: UserIdSchema,
    changed: z.array(z.enum(['password', 'email'])).min(1),
  }),
});

export const UserRoleChanged = defineEvent({
  type: 'user.roleChanged',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: "An admin changed an account's role; access tokens carry it from their next refresh.",
  schema: z.object({ userId: UserIdSchema, previousRole: UserRoleSchema, role: UserRoleSchema }),
});

export const UserDisabled = defineEvent({
  type: 'user.disabled',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'An admin disabled an account: it cannot sign in or refresh, and its sessions were ended.',
  schema: z.object({ userId: UserIdSchema, role: UserRoleSchema }),
});

export const UserEnabled = defineEvent({
  type: 'user.enabled',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'An admin enabled a disabled account again.',
  schema: z.object({ userId: UserIdSchema, role: UserRoleSchema }),
});

export const UserDeleted = defineEvent({
  type: 'user.deleted',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'An account was erased (GDPR): every context removes or anonymises what it holds about the user.',
  schema: z.object({ userId: UserIdSchema, role: UserRoleSchema, deletedAt: z.iso.datetime() }),
});

export const TeacherStudentLinked = defineEvent({
  type: 'teacher.studentLinked',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'A student was linked to a teacher: the teacher may now follow that student.',
  schema: z.object({ teacherId: UserIdSchema, studentId: UserIdSchema }),
});

export const TeacherStudentUnlinked = defineEvent({
  type: 'teacher.studentUnlinked',
  version: 1,
  topic: ProfileTopics.userEvents,
  description: 'A student is no longer linked to a teacher (unlinked by an admin, a role change, or an erased account).',
  schema: z.object({
    teacherId: UserIdSchema,
    studentId: UserIdSchema,
    reason: z.enum(['unlinked', 'roleChanged', 'userDeleted']),
  }),
});

export const USER_EVENT_CONTRACTS = [
  UserCreated,
  UserUpdated,
  UserRoleChanged,
  UserDisabled,
  UserEnabled,
  UserDeleted,
  TeacherStudentLinked,
  TeacherStudentUnlinked,
] as const;
