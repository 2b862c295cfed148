import { z } from 'zod';
import { emailAddress, typedText } from '@tall/platform/text';
import { UserIdSchema, UserRoleSchema, UserStatusSchema } from '../roles';
import { NewPasswordSchema } from './auth-http';

export const UserViewSchema = z.object({
  id: UserIdSchema,
  role: UserRoleSchema,
  status: UserStatusSchema,
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const CreateUserRequestSchema = z.strictObject({
  email: emailAddress(),
  role: UserRoleSchema,
  firstName: typedText({ min: 1, max: 100 }),
  lastName: typedText({ min: 1, max: 100 }),
  password: NewPasswordSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const ListUsersQuerySchema = z.strictObject({
  role: UserRoleSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export const UserListItemSchema = UserViewSchema.extend({
  /** From the pii context, read for the purpose `user-administration`; null when it could not answer. */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
});
export const UserListSchema = z.object({
  items: z.array(UserListItemSchema),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type UserList = z.infer<typeof UserListSchema>;

export const UserParamsSchema = z.strictObject({ id: UserIdSchema });
export const TeacherParamsSchema = z.strictObject({ teacherId: UserIdSchema });
export const TeacherStudentParamsSchema = z.strictObject({ teacherId: UserIdSchema, studentId: UserIdSchema });

export const ChangeRoleRequestSchema = z.strictObject({ role: UserRoleSchema });

export const StudentListSchema = z.object({
  teacherId: UserIdSchema,
  items: z.array(z.object({ id: UserIdSchema, status: UserStatusSchema, linkedAt: z.iso.datetime() })),
});
export type StudentList = z.infer<typeof StudentListSchema>;

// [0-9], not \d: other regex engines (the contract fuzzer's) read \d as any Unicode digit. At most 15
// digits a number, no leading zeros: what the client-version gate compares exactly.
const semver = z.string().regex(/^(0|[1-9][0-9]{0,14})\.(0|[1-9][0-9]{0,14})\.(0|[1-9][0-9]{0,14})$/, 'a semantic version such as 1.4.0');
export const ClientVersionsSchema = z.object({ web: semver, android: semver, desktop: semver });
export type ClientVersions = z.infer<typeof ClientVersionsSchema>;
export const UpdateClientVersionsRequestSchema = z
  .strictObject({ web: semver.optional(), android: semver.optional(), desktop: semver.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one platform' })
  // The refinement, as JSON Schema states it in the OpenAPI document.
  .meta({ minProperties: 1 });
