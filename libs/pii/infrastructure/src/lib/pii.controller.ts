import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiForbiddenResponse, ApiGoneResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Authenticated, CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { UserDataExportSchema, type UserDataExport } from '@tall/platform/call-contracts';
import { createZodDto } from '@tall/platform/http';
import { ErasureService, KeyRotationService, PersonalDataService, UserDataExportCollector, type RotationResult } from '@tall/pii/application';
import {
  DisplayNameSchema,
  EraseOwnDataSchema,
  KeyRotationResultSchema,
  PersonalDataSchema,
  ReadPersonalDataQuerySchema,
  UpdatePersonalDataSchema,
  type DisplayName,
  type PersonalData,
} from '@tall/pii/contracts';
import { mapped } from './pii-api-errors';

class UpdatePersonalDataDto extends createZodDto(UpdatePersonalDataSchema) {}
class ReadPersonalDataQueryDto extends createZodDto(ReadPersonalDataQuerySchema) {}
class EraseOwnDataDto extends createZodDto(EraseOwnDataSchema) {}
class UserIdParamsDto extends createZodDto(z.strictObject({ id: z.uuid() })) {}
class PersonalDataDto extends createZodDto(PersonalDataSchema) {}
class StudentNameDto extends createZodDto(DisplayNameSchema) {}
class UserDataExportDto extends createZodDto(UserDataExportSchema) {}
class KeyRotationResultDto extends createZodDto(KeyRotationResultSchema) {}

/** Personal data. Responses carry personal data, so none of them may be cached anywhere. */
@ApiTags('pii')
@Controller('pii')
export class PiiController {
  constructor(
    @Inject(PersonalDataService) private readonly personalData: PersonalDataService,
    @Inject(ErasureService) private readonly erasure: ErasureService,
    @Inject(UserDataExportCollector) private readonly exports: UserDataExportCollector,
    @Inject(KeyRotationService) private readonly rotation: KeyRotationService,
  ) {}

  @Get('me')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your own personal data (the read is recorded on the access log)' })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiGoneResponse({ description: 'PII_ERASED: the data was erased' })
  readOwn(@CurrentPrincipal() principal: Principal): Promise<PersonalData> {
    return mapped(() => this.personalData.readOwn(principal.userId, principal.role));
  }

  @Put('me')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Replace your personal data; an omitted birthDate or locale is cleared. A new email becomes your login.',
  })
  @ApiOkResponse({ type: PersonalDataDto })
  replaceOwn(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePersonalDataDto): Promise<PersonalData> {
    return mapped(() =>
      this.personalData.replaceOwn(principal.userId, principal.role, {
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
    return mapped(async () => {
      await this.personalData.assertNotErased(principal.userId);
      return this.exports.collect(principal.userId);
    });
  }

  @Delete('me')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase your account and personal data (re-authenticate with your password). The data key is destroyed at once.',
  })
  @ApiNoContentResponse({ description: 'Erased; you are signed out everywhere' })
  @ApiGoneResponse({ description: 'PII_ERASED: already erased' })
  async eraseOwn(@CurrentPrincipal() principal: Principal, @Body() body: EraseOwnDataDto): Promise<void> {
    await mapped(() => this.erasure.eraseOwn(principal.userId, body.password));
  }

  @Get('users/:id')
  @Roles('EDU_ADMIN', 'TECH_ADMIN', 'TEACHER')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "A user's personal data for a stated purpose: admins everything; a teacher only the name of their own students (403 otherwise)",
  })
  @ApiOkResponse({ type: PersonalDataDto, description: 'EDU_ADMIN, TECH_ADMIN: every field' })
  @ApiExtraModels(StudentNameDto)
  @ApiForbiddenResponse({ description: 'FORBIDDEN: a teacher asking for someone who is not their student; a teacher gets only { userId, firstName, lastName }' })
  async readUser(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserIdParamsDto,
    @Query() query: ReadPersonalDataQueryDto,
  ): Promise<PersonalData | DisplayName> {
    const result = await mapped(() =>
      this.personalData.readUser({ kind: 'user', userId: principal.userId, role: principal.role }, params.id, query.purpose),
    );
    return result.value;
  }

  @Post('keys/rotate')
  @Roles('TECH_ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'New master key version; every data key is re-wrapped under it while Tall keeps serving' })
  @ApiOkResponse({ type: KeyRotationResultDto })
  rotate(): Promise<RotationResult> {
    return mapped(() => this.rotation.rotate());
  }
}
