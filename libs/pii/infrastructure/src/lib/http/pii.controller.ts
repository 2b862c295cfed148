import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { Authenticated, CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { UserDataExportSchema, type UserDataExport } from '@tall/platform/call-contracts';
import { createZodDto } from '@tall/platform/http';
import {
  CollectUserDataExportQuery,
  ReadOwnPersonalDataQuery,
  ReadUserPersonalDataQuery,
  ReplaceOwnPersonalDataCommand,
  RotateMasterKeyCommand,
  type RotationResult,
} from '@tall/pii/application';
import {
  DisplayNameSchema,
  KeyRotationResultSchema,
  PersonalDataSchema,
  ReadPersonalDataQuerySchema,
  RotateMasterKeySchema,
  UpdatePersonalDataSchema,
  type DisplayName,
  type PersonalData,
} from '@tall/pii/contracts';
import { PiiErrorMapper } from './pii-error.mapper';

class UpdatePersonalDataDto extends createZodDto(UpdatePersonalDataSchema) {}
class ReadPersonalDataQueryDto extends createZodDto(ReadPersonalDataQuerySchema) {}
class UserIdParamsDto extends createZodDto(z.strictObject({ id: z.uuid() })) {}
class PersonalDataDto extends createZodDto(PersonalDataSchema) {}
class StudentNameDto extends createZodDto(DisplayNameSchema) {}
class UserDataExportDto extends createZodDto(UserDataExportSchema) {}
class KeyRotationResultDto extends createZodDto(KeyRotationResultSchema) {}
class RotateMasterKeyDto extends createZodDto(RotateMasterKeySchema) {}

/**
 * Personal data. Responses carry personal data, so none of them may be cached anywhere.
 * `DELETE /pii/me` (erase your account and data) is profile's: it re-authenticates and owns the account.
 */
@ApiTags('pii')
@Controller('pii')
@UseInterceptors(PiiErrorMapper)
export class PiiController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('me')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your own personal data (the read is recorded on the access log)' })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiGoneResponse({ description: 'PII_ERASED: the data was erased' })
  readOwn(@CurrentPrincipal() principal: Principal): Promise<PersonalData> {
    return this.queries.execute(new ReadOwnPersonalDataQuery(principal.userId, principal.role));
  }

  @Put('me')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Replace your personal data; an omitted birthDate or locale is cleared. A new email becomes your login.',
  })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: another account signs in with this email' })
  @ApiUnprocessableEntityResponse({ description: 'BIRTH_DATE_OUT_OF_RANGE: the birth date is before 1900-01-01 or after today' })
  replaceOwn(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePersonalDataDto): Promise<PersonalData> {
    return this.commands.execute(
      new ReplaceOwnPersonalDataCommand(principal.userId, principal.role, {
        firstName: body.firstName,
        lastName: body.lastName,
        email: body.email,
        birthDate: body.birthDate ?? null,
        locale: body.locale ?? null,
      }),
    );
  }

  @Get('me/export')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Disposition', 'attachment; filename="tall-personal-data.json"')
  @ApiOperation({ summary: 'Everything Tall holds about you, from every context, with purposes, retention and recipients (GDPR Art. 15/20)' })
  @ApiOkResponse({ type: UserDataExportDto })
  @ApiGoneResponse({ description: 'PII_ERASED: the account was erased' })
  exportOwn(@CurrentPrincipal() principal: Principal): Promise<UserDataExport> {
    return this.queries.execute(new CollectUserDataExportQuery(principal.userId));
  }

  @Get('users/:id')
  @Roles('EDU_ADMIN', 'TECH_ADMIN', 'TEACHER')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "A user's personal data for a stated purpose: admins everything of the accounts they administer (TECH_ADMIN anyone, EDU_ADMIN teachers and students, as in profile); a teacher only the name of their own students (403 otherwise)",
  })
  @ApiOkResponse({ type: PersonalDataDto, description: 'TECH_ADMIN, and EDU_ADMIN for a teacher or student: every field' })
  @ApiExtraModels(StudentNameDto)
  @ApiForbiddenResponse({
    description: 'FORBIDDEN: an EDU_ADMIN asking for an admin, or a teacher asking for someone who is not their student; a teacher gets only { userId, firstName, lastName }',
  })
  readUser(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParamsDto,
    @Query() query: ReadPersonalDataQueryDto,
  ): Promise<PersonalData | DisplayName> {
    const reader = { kind: 'user' as const, userId: principal.userId, role: principal.role };
    return this.queries.execute(new ReadUserPersonalDataQuery(reader, params.id, query.purpose));
  }

  @Post('keys/rotate')
  @Roles('TECH_ADMIN')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'New master key version; every data key is re-wrapped under it while Tall keeps serving. Needs a reason; refused within one hour of the last rotation unless force is true. Every rotation is recorded on pii.access.log (who, when, reason, forced).',
  })
  @ApiOkResponse({ type: KeyRotationResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: no reason, an empty one, or one longer than 500 characters' })
  @ApiConflictResponse({
    description:
      'ROTATION_TOO_SOON: the last rotation was less than an hour ago; details.nextAllowedAt says from when (also Retry-After), or send force: true. KEY_ROTATION_IN_PROGRESS: another rotation is running',
  })
  rotate(@CurrentPrincipal() principal: Principal, @Body() body: RotateMasterKeyDto): Promise<RotationResult> {
    return this.commands.execute(new RotateMasterKeyCommand({ userId: principal.userId, role: principal.role }, body.reason, body.force ?? false));
  }
}
