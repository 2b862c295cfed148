import { Body, Controller, Delete, HttpCode, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiGoneResponse, ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { EraseOwnDataSchema } from '@tall/pii/contracts';
import { Authenticated, CurrentPrincipal, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { EraseOwnAccountCommand } from '@tall/profile/application';
import { ProfileErrorMapper } from './profile-error.mapper';

class EraseOwnDataDto extends createZodDto(EraseOwnDataSchema) {}

/**
 * `DELETE /pii/me`, where clients have always erased their account and personal data. Served by
 * profile, which holds the password and the account (ADR 9); pii shreds the data when told.
 */
@ApiTags('pii')
@Controller('pii')
@UseInterceptors(ProfileErrorMapper)
export class OwnAccountErasureController {
  constructor(private readonly commands: CommandBus) {}

  @Delete('me')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({
    // The name the web client's generated API types have always used for this route.
    operationId: 'PiiController_eraseOwn_v1',
    summary: 'Erase your account and personal data (re-authenticate with your password). The data key is destroyed at once.',
  })
  @ApiNoContentResponse({ description: 'Erased; you are signed out everywhere' })
  @ApiForbiddenResponse({ description: 'REAUTHENTICATION_FAILED: the password is not right' })
  @ApiGoneResponse({ description: 'PII_ERASED: already erased' })
  @ApiTooManyRequestsResponse({ description: 'ACCOUNT_LOCKED: too many wrong passwords; try again after Retry-After seconds' })
  async eraseOwn(@CurrentPrincipal() principal: Principal, @Body() body: EraseOwnDataDto): Promise<void> {
    await this.commands.execute(new EraseOwnAccountCommand(principal.userId, body.password));
  }
}
