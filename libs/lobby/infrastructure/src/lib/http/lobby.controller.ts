import { Body, Controller, Get, HttpCode, Inject, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { GetLobbyViewQuery, SaveNavigationContextCommand } from '@tall/lobby/application';
import { LobbyViewSchema, UpdateNavigationContextSchema, type LobbyView } from '@tall/lobby/contracts';
import { LobbyErrorMapper } from './lobby-error.mapper';

class LobbyViewDto extends createZodDto(LobbyViewSchema) {}
class UpdateNavigationContextDto extends createZodDto(UpdateNavigationContextSchema) {}

@ApiTags('lobby')
@Controller('lobby')
@Authenticated()
@UseInterceptors(LobbyErrorMapper)
export class LobbyController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "The products the signed-in user's role may open (coming soon when not built yet), and where they left off" })
  @ApiOkResponse({ type: LobbyViewDto })
  view(@CurrentPrincipal() principal: Principal): Promise<LobbyView> {
    return this.queries.execute(new GetLobbyViewQuery(principal));
  }

  @Put('context')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remember where the user is (a product of theirs and a location in it)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'PRODUCT_NOT_AVAILABLE: not a product your role may open' })
  async saveContext(@CurrentPrincipal() principal: Principal, @Body() body: UpdateNavigationContextDto): Promise<void> {
    await this.commands.execute(new SaveNavigationContextCommand(principal, body));
  }
}
