import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import {
  ChangeRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetCurrentUserQuery,
  LinkStudentCommand,
  ListStudentsQuery,
  ListUsersQuery,
  SetUserDisabledCommand,
  UnlinkStudentCommand,
} from '@tall/profile/application';
import type { StudentList, UserList, UserView } from '@tall/profile/contracts';
import {
  ChangeRoleDto,
  CreateUserDto,
  ListUsersQueryDto,
  StudentListDto,
  TeacherParamsDto,
  TeacherStudentParamsDto,
  UserListDto,
  UserParamsDto,
  UserViewDto,
} from './profile-dtos';
import { ProfileErrorMapper } from './profile-error.mapper';

@ApiTags('users')
@Controller('users')
@UseInterceptors(ProfileErrorMapper)
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account: id, role, status, created' })
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.queries.execute(new GetCurrentUserQuery(principal.userId));
  }

  @Post()
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'Create an account (TECH_ADMIN: any role; EDU_ADMIN: TEACHER or STUDENT)' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: an account has this email' })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_TOO_COMMON: the password is in the list of common passwords' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<UserView> {
    return this.commands.execute(new CreateUserCommand(principal, body));
  }

  @Get()
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'List accounts with their names (read from pii for user administration); EDU_ADMIN sees teachers and students' })
  @ApiOkResponse({ type: UserListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListUsersQueryDto): Promise<UserList> {
    return this.queries.execute(new ListUsersQuery(principal, query));
  }

  @Patch(':id/role')
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: "Change a role (EDU_ADMIN: between TEACHER and STUDENT); tokens carry it from the user's next refresh" })
  @ApiOkResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'LAST_TECH_ADMIN: the last active TECH_ADMIN cannot lose the role, be disabled or be erased' })
  @ApiGoneResponse({ description: 'USER_DELETED: the account was erased' })
  changeRole(@CurrentPrincipal() principal: Principal, @Param() params: UserParamsDto, @Body() body: ChangeRoleDto): Promise<UserView> {
    return this.commands.execute(new ChangeRoleCommand(principal, params.id, body.role));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'Disable an account (EDU_ADMIN: teachers and students only); its sessions end' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'LAST_TECH_ADMIN: the last active TECH_ADMIN cannot lose the role, be disabled or be erased' })
  @ApiGoneResponse({ description: 'USER_DELETED: the account was erased' })
  disable(@CurrentPrincipal() principal: Principal, @Param() params: UserParamsDto): Promise<UserView> {
    return this.commands.execute(new SetUserDisabledCommand(principal, params.id, true));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'Enable a disabled account (EDU_ADMIN: teachers and students only)' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'LAST_TECH_ADMIN: the last active TECH_ADMIN cannot lose the role, be disabled or be erased' })
  @ApiGoneResponse({ description: 'USER_DELETED: the account was erased' })
  enable(@CurrentPrincipal() principal: Principal, @Param() params: UserParamsDto): Promise<UserView> {
    return this.commands.execute(new SetUserDisabledCommand(principal, params.id, false));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('TECH_ADMIN')
  @ApiOperation({ summary: 'Erase an account (GDPR): sessions end, user.deleted tells every context to erase; 410 when already erased' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'LAST_TECH_ADMIN: the last active TECH_ADMIN cannot lose the role, be disabled or be erased' })
  @ApiGoneResponse({ description: 'USER_DELETED: the account was erased' })
  async remove(@CurrentPrincipal() principal: Principal, @Param() params: UserParamsDto): Promise<void> {
    await this.commands.execute(new DeleteUserCommand(principal, params.id));
  }

  @Put(':teacherId/students/:studentId')
  @HttpCode(204)
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'Link a student to a teacher (idempotent)' })
  @ApiNoContentResponse()
  async link(@CurrentPrincipal() principal: Principal, @Param() params: TeacherStudentParamsDto): Promise<void> {
    await this.commands.execute(new LinkStudentCommand(principal, params.teacherId, params.studentId));
  }

  @Delete(':teacherId/students/:studentId')
  @HttpCode(204)
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  @ApiOperation({ summary: 'Unlink a student from a teacher (idempotent)' })
  @ApiNoContentResponse()
  async unlink(@CurrentPrincipal() principal: Principal, @Param() params: TeacherStudentParamsDto): Promise<void> {
    await this.commands.execute(new UnlinkStudentCommand(principal, params.teacherId, params.studentId));
  }

  @Get(':teacherId/students')
  @Roles('TECH_ADMIN', 'EDU_ADMIN', 'TEACHER')
  @ApiOperation({ summary: "A teacher's students: admins for any teacher, a teacher only their own (403 otherwise)" })
  @ApiOkResponse({ type: StudentListDto })
  students(@CurrentPrincipal() principal: Principal, @Param() params: TeacherParamsDto): Promise<StudentList> {
    return this.queries.execute(new ListStudentsQuery(principal, params.teacherId));
  }
}
