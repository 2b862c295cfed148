import { z } from 'zod';

/** The roles of Tall as they travel in events and HTTP bodies. */
export const USER_ROLES = ['TECH_ADMIN', 'EDU_ADMIN', 'TEACHER', 'STUDENT'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

/** What the outside world sees of an account's state (registration in progress is never shown). */
export const USER_STATUSES = ['active', 'disabled', 'deleted'] as const;
export const UserStatusSchema = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatusSchema>;

export const UserIdSchema = z.uuid();
