import { z } from 'zod';
import { createZodDto } from '@tall/platform/http';
import {
  AuthResponseSchema,
  ChangePasswordRequestSchema,
  ChangeRoleRequestSchema,
  ClientVersionsSchema,
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  SessionListSchema,
  SessionParamsSchema,
  StudentListSchema,
  TeacherParamsSchema,
  TeacherStudentParamsSchema,
  UpdateClientVersionsRequestSchema,
  UserListSchema,
  UserParamsSchema,
  UserViewSchema,
} from '@tall/profile/contracts';

// Bodies, queries and params are strict: unknown fields are refused with 400, not dropped.
export class RegisterDto extends createZodDto(RegisterRequestSchema) {}
export class LoginDto extends createZodDto(LoginRequestSchema) {}
export class RefreshDto extends createZodDto(RefreshRequestSchema) {}
export class LogoutDto extends createZodDto(LogoutRequestSchema) {}
export class ChangePasswordDto extends createZodDto(ChangePasswordRequestSchema) {}
export class SessionParamsDto extends createZodDto(SessionParamsSchema) {}
export class CreateUserDto extends createZodDto(CreateUserRequestSchema) {}
export class ListUsersQueryDto extends createZodDto(ListUsersQuerySchema) {}
export class UserParamsDto extends createZodDto(UserParamsSchema) {}
export class TeacherParamsDto extends createZodDto(TeacherParamsSchema) {}
export class TeacherStudentParamsDto extends createZodDto(TeacherStudentParamsSchema) {}
export class ChangeRoleDto extends createZodDto(ChangeRoleRequestSchema) {}
export class UpdateClientVersionsDto extends createZodDto(UpdateClientVersionsRequestSchema) {}

export class AuthResponseDto extends createZodDto(AuthResponseSchema) {}
export class SessionListDto extends createZodDto(SessionListSchema) {}
export class UserViewDto extends createZodDto(UserViewSchema) {}
export class UserListDto extends createZodDto(UserListSchema) {}
export class StudentListDto extends createZodDto(StudentListSchema) {}
export class ClientVersionsDto extends createZodDto(ClientVersionsSchema) {}
export class JwksDto extends createZodDto(
  z.object({ keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), alg: z.string(), use: z.string() })) }),
) {}
