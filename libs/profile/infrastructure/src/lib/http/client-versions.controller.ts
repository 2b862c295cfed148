import { Body, Controller, Get, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@tall/platform/auth';
import { GetClientVersionsQuery, UpdateClientVersionsCommand } from '@tall/profile/application';
import type { ClientVersions } from '@tall/profile/contracts';
import { ClientVersionsDto, UpdateClientVersionsDto } from './profile-dtos';
import { ProfileErrorMapper } from './profile-error.mapper';

@ApiTags('client-versions')
@Controller('client-versions')
@UseInterceptors(ProfileErrorMapper)
export class ClientVersionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Minimum supported client version per platform (older clients get 426)' })
  @ApiOkResponse({ type: ClientVersionsDto })
  current(): Promise<ClientVersions> {
    return this.queries.execute(new GetClientVersionsQuery());
  }

  @Put()
  @Roles('TECH_ADMIN')
  @ApiOperation({ summary: 'Set the minimum version of one or more platforms; applies to every instance within seconds' })
  @ApiOkResponse({ type: ClientVersionsDto })
  update(@Body() body: UpdateClientVersionsDto): Promise<ClientVersions> {
    return this.commands.execute(new UpdateClientVersionsCommand(body));
  }
}
