import { Body, Controller, Get, Put, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@tall/platform/auth';
import type { ClientVersions } from '@tall/profile/contracts';
import { ClientVersionPolicySync } from '../client-versions/client-version-policy-sync';
import { ClientVersionsDto, UpdateClientVersionsDto } from './profile-dtos';
import { ProfileErrorInterceptor } from './profile-error.mapper';

@ApiTags('client-versions')
@Controller('client-versions')
@UseInterceptors(ProfileErrorInterceptor)
export class ClientVersionsController {
  constructor(private readonly versions: ClientVersionPolicySync) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Minimum supported client version per platform (older clients get 426)' })
  @ApiOkResponse({ type: ClientVersionsDto })
  current(): Promise<ClientVersions> {
    return this.versions.current();
  }

  @Put()
  @Roles('TECH_ADMIN')
  @ApiOperation({ summary: 'Set the minimum version of one or more platforms; applies to every instance within seconds' })
  @ApiOkResponse({ type: ClientVersionsDto })
  update(@Body() body: UpdateClientVersionsDto): Promise<ClientVersions> {
    return this.versions.update(body);
  }
}
