import { Body, Controller, Get, HttpCode, Put, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor, Injectable } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { catchError, type Observable } from 'rxjs';
import { Authenticated, CurrentPrincipal, type Principal } from '@tall/platform/auth';
import { createZodDto, errors } from '@tall/platform/http';
import { LobbyRefusal, LobbyService } from '@tall/lobby/application';
import { LobbyViewSchema, UpdateNavigationContextSchema, type LobbyView } from '@tall/lobby/contracts';

class LobbyViewDto extends createZodDto(LobbyViewSchema) {}
class UpdateNavigationContextDto extends createZodDto(UpdateNavigationContextSchema) {}

@Injectable()
export class LobbyErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw error instanceof LobbyRefusal ? errors.forbidden(error.message, error.code) : error;
      }),
    );
  }
}

@ApiTags('lobby')
@Controller('lobby')
@Authenticated()
@UseInterceptors(LobbyErrorInterceptor)
export class LobbyController {
  constructor(private readonly lobby: LobbyService) {}

  @Get()
  @ApiOperation({ summary: "The products the signed-in user's role may open (coming soon when not built yet), and where they left off" })
  @ApiOkResponse({ type: LobbyViewDto })
  view(@CurrentPrincipal() principal: Principal): Promise<LobbyView> {
    return this.lobby.view(principal);
  }

  @Put('context')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remember where the user is (a product of theirs and a location in it)' })
  @ApiNoContentResponse()
  async saveContext(@CurrentPrincipal() principal: Principal, @Body() body: UpdateNavigationContextDto): Promise<void> {
    await this.lobby.saveContext(principal, body);
  }
}
